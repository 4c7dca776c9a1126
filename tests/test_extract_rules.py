"""One rule of GUIDELINES.md per case, on invented French sentences."""

import pytest

from extractors import extract_text


def triples(text, **kwargs):
    return [(f.metric, f.value, f.qualifier) for f in extract_text(text, **kwargs)]


@pytest.mark.parametrize(
    "text, expected",
    [
        # stock
        ("La commune dispose aujourd'hui de 86 caméras.", [("cameras", 86, "exact")]),
        ("Le parc compte 230 caméras de vidéoprotection.", [("cameras", 230, "exact")]),
        ("À l'origine, 20 caméras avaient été posées.", [("cameras", 20, "exact")]),
        # plan: future, modality, announcement
        ("Douze caméras seront installées l'an prochain.", [("cameras_planned", 12, "exact")]),
        ("La mairie prévoit 25 nouvelles caméras.", [("cameras_planned", 25, "exact")]),
        ("Le maire a annoncé 40 caméras supplémentaires d'ici 2027.", [("cameras_planned", 40, "exact")]),
        ("La ville mise sur les caméras. À terme, elle devrait en compter 300.", [("cameras_planned", 300, "exact")]),
        # increment
        ("Cet été, 14 nouvelles caméras ont été posées.", [("cameras_added", 14, "exact")]),
        ("L'an dernier, 11 caméras ont été déployées près des gares.", [("cameras_added", 11, "exact")]),
        ("Depuis 2015, 11 caméras ont été déployées près des gares.", [("cameras", 11, "exact")]),
        ("C'est en 2006 que la ville a posé ses huit premières caméras.", [("cameras", 8, "exact")]),
        ("Au printemps, la ville a posé des caméras. Elles s'ajoutent aux 52 déjà en service.",
         [("cameras", 52, "exact")]),
        # plan: a future verb of any group, a decision on cameras to come
        ("Le réseau atteindra 130 caméras fin 2026.", [("cameras_planned", 130, "exact")]),
        ("Ce dispositif permettra de couvrir le port avec 8 caméras.", [("cameras_planned", 8, "exact")]),
        ("Les élus ont validé l'acquisition de 6 caméras nomades.", [("cameras_planned", 6, "exact")]),
        # cameras that watch and fine are surveillance cameras; those only used or tried for fining are not
        ("À Bastia, 67 caméras de vidéoprotection et de vidéoverbalisation seront mises en service d'ici décembre.",
         [("cameras_planned", 67, "exact")]),
        ("Huit caméras testées pour la vidéo-verbalisation ont été posées.", [("other", 8, "exact")]),
        # money for another purpose of security is not surveillance money; a density may say "par"
        ("La ville consacre 30 000 euros pour les gilets pare-balles et 50 000 euros pour la vidéoprotection.",
         [("money_eur", 50000, "exact")]),
        ("Le taux d'équipement est de 250 caméras par 100 000 habitants.", [("cameras_per_100k", 250, "exact")]),
        ("Le village compte 17 caméras, soit une caméra pour 40 personnes.",
         [("cameras", 17, "exact"), ("cameras_per_100k", 2500, "exact")]),
        ("Nîmes compte 411 caméras et 267 pour 100 000 habitants.",
         [("cameras", 411, "exact"), ("cameras_per_100k", 267, "exact")]),
        # "capteurs d'images" are cameras
        ("Dix-sept capteurs d'images sont en service dans la commune.", [("cameras", 17, "exact")]),
        # a noun that stands for cameras where cameras are the topic
        ("Dix caméras seront installées en plus des sept dômes déjà en place.",
         [("cameras_planned", 10, "exact"), ("cameras", 7, "exact")]),
        # a count "en" stands for after a verb of claiming or recording; a total reached, said in the singular
        ("La ville compte plus de 500 caméras.\n\nLa mairie en revendique 558 quand la préfecture n'en "
         "comptabilise que 455.", [("cameras", 500, "at_least"), ("cameras", 558, "exact"), ("cameras", 455, "exact")]),
        # a bare count the words after it say is there already
        ("Une nouvelle caméra viendra s'ajouter aux 43 déjà existantes.", [("cameras", 43, "exact")]),
        # "déjà en fonction" is there now ("en fonction de" is "depending on")
        ("Le texte porte sur 60 caméras fixes, qui viendront s'ajouter aux 571 caméras fixes et aux 30 nomades "
         "déjà en fonction.", [("cameras_planned", 60, "exact"), ("cameras", 571, "exact"), ("cameras", 30, "exact")]),
        ("Six nouvelles caméras seront installées en plus des 56 présentes sur la commune.",
         [("cameras_planned", 6, "exact"), ("cameras", 56, "exact")]),
        # where a count starts and where it goes is not a range
        ("Le plan doit faire passer le parc de 60 à 95 caméras.", [("cameras", 60, "exact"),
                                                                   ("cameras_planned", 95, "exact")]),
        ("Le nombre de caméras est monté de 18 à 44.", [("cameras", 18, "exact"), ("cameras", 44, "exact")]),
        ("Les aides à la vidéoprotection vont de 2 000 à 9 000 euros.",
         [("money_eur", 2000, "at_least"), ("money_eur", 9000, "at_most")]),
        # counts named by what comes before them
        ("La vidéoprotection s'étend. Nous en avons 52 et la ville en prévoit encore une dizaine.",
         [("cameras", 52, "exact"), ("cameras_planned", 10, "approx")]),
        ("La ville compte 70 caméras. Ce chiffre devrait grimper à 90 l'an prochain.",
         [("cameras", 70, "exact"), ("cameras_planned", 90, "exact")]),
        ("Trois caméras ont été posées le mois dernier au stade.", [("cameras_added", 3, "exact")]),
        ("Quatre caméras servent à la vidéo-verbalisation.", [("other", 4, "exact")]),
        ("La commune a posé 12 caméras en 2020 et compte aujourd'hui 45 caméras.",
         [("cameras_added", 12, "exact"), ("cameras", 45, "exact")]),
        ("Dix caméras s'ajouteront aux 33 existantes.", [("cameras_planned", 10, "exact"), ("cameras", 33, "exact")]),
        ("La vidéoprotection progresse. Nous en ajouterons 14 l'an prochain.", [("cameras_planned", 14, "exact")]),
        ("Le centre de supervision a ouvert en mars. Six agents s'y relaient.", [("other", 6, "exact")]),
        ("Après la pose de 7 caméras en 2021, la commune en compte 30.",
         [("cameras_added", 7, "exact"), ("cameras", 30, "exact")]),
        ("La commune vient d'installer 5 caméras devant la mairie.", [("cameras_added", 5, "exact")]),
        ("La vidéoprotection s'étend : la ville, qui en possède 25, en installera 10 autres.",
         [("cameras", 25, "exact"), ("cameras_planned", 10, "exact")]),
        ("La vidéoprotection progresse : le réseau en totalise désormais 64.", [("cameras", 64, "exact")]),
        ("Les caméras se multiplient : la ville en aligne aujourd'hui 230.", [("cameras", 230, "exact")]),
        ("En 2015, la ville n'avait que 9 caméras. Elles sont aujourd'hui 40, et le maire en promet 60.",
         [("cameras", 9, "exact"), ("cameras", 40, "exact"), ("cameras_planned", 60, "exact")]),
        ("Le centre pilote 88 caméras, un chiffre qui doit passer à 120.",
         [("cameras", 88, "exact"), ("cameras_planned", 120, "exact")]),
        ("À terme, 250 caméras seront reliées au centre, contre 140 actuellement.",
         [("cameras_planned", 250, "exact"), ("cameras", 140, "exact")]),
        ("Vertou disposera de 12 caméras et Bouguenais de 9 d'ici 2026.",
         [("cameras_planned", 12, "exact"), ("cameras_planned", 9, "exact")]),
        ("Lens y raccorde 30 caméras, Liévin 22 et Avion 12.",
         [("cameras", 30, "exact"), ("cameras", 22, "exact"), ("cameras", 12, "exact")]),
        # a yearly rate takes its tense; replaced cameras are the ones there; a study plans
        ("La commune pose des caméras au rythme d'une quinzaine par an.", [("cameras_added", 15, "approx")]),
        ("Les 40 caméras du centre seront remplacées l'an prochain.", [("cameras", 40, "exact")]),
        # the renewal said of the count after this one is that one's
        ("19 caméras devraient être déployées en 2018 et les cinq existantes seront modernisées.",
         [("cameras_planned", 19, "exact"), ("cameras", 5, "exact")]),
        ("La ville étudie l'installation d'une vingtaine de caméras.", [("cameras_planned", 20, "approx")]),
        ("Le bailleur a fait poser 14 caméras cette année.", [("cameras_added", 14, "exact")]),
        ("La ville a reçu 12 caméras dans le cadre du plan national.", [("cameras_added", 12, "exact")]),
        ("Cet été, 8 caméras mobiles s'ajoutent aux 60 caméras fixes.",
         [("cameras_added", 8, "exact"), ("cameras", 60, "exact")]),
        ("Le conseil autorise le maire à lancer la deuxième tranche, portant sur 9 caméras.",
         [("cameras_planned", 9, "exact")]),
        ("La ville compte 30 caméras. L'adjoint propose d'en ajouter 6 aux abords du stade.",
         [("cameras", 30, "exact"), ("cameras_planned", 6, "exact")]),
        ("Opérations : voirie (800 000 €), piscine (2 M€), vidéoprotection (95 000 €).",
         [("money_eur", 95000, "exact")]),
        ("Le maire promettait 60 caméras : il n'y en a que 25 en service, dont 4 hors d'usage.",
         [("cameras_planned", 60, "exact"), ("cameras", 25, "exact"), ("other", 4, "exact")]),
        ("En 2021, le Département a financé l'installation de 90 caméras.", [("cameras_added", 90, "exact")]),
        ("Après une première vague de 25 caméras posées en 2020, la ville en prévoit 10 autres.",
         [("cameras_added", 25, "exact"), ("cameras_planned", 10, "exact")]),
        ("Trois caméras thermiques guettent les départs de feu.", [("other", 3, "exact")]),
        ("Cinq groupes scolaires sont équipés de caméras.", [("other", 5, "exact")]),
        ("Le Département a équipé de caméras 12 de ses 40 collèges.", [("other", 12, "exact")]),
        ("Grâce aux caméras, près de 300 enquêtes ont abouti.", [("other", 300, "approx")]),
        ("Les opérateurs du centre de supervision, au nombre de 11, se relaient nuit et jour.",
         [("other", 11, "exact")]),
        ("En 2021, une deuxième tranche a permis d'installer 17 caméras.", [("cameras_added", 17, "exact")]),
        ("Le nombre de caméras a doublé. Il était de 45 en 2019 ; il devrait atteindre 90 l'an prochain.",
         [("cameras", 45, "exact"), ("cameras_planned", 90, "exact")]),
        ("Le réseau compte 80 caméras, dont 25 intra-muros.", [("cameras", 80, "exact"), ("cameras", 25, "exact")]),
        ("La ville compte 600 caméras, dont 250 de la métropole.",
         [("cameras", 600, "exact"), ("cameras", 250, "exact")]),
        ("En 2022, on a installé 9 caméras supplémentaires.", [("cameras_added", 9, "exact")]),
        # other camera counts
        ("Une dizaine de caméras ont été vandalisées.", [("other", 10, "approx")]),
        # the near future of "nous allons", "vous allez"
        ("« Nous allons tripler le nombre de caméras pour passer de 70 à plus de 200 ».",
         [("cameras", 70, "exact"), ("cameras_planned", 200, "at_least")]),
        # where a series starts, told with its own now: the now is not where it goes
        ("Le maire veut passer de 70 caméras actuellement à plus de 200.",
         [("cameras", 70, "exact"), ("cameras_planned", 200, "at_least")]),
        ("« Nous allons tripler le nombre de caméras pour passer de 70 actuellement à plus de 200 ».",
         [("cameras", 70, "exact"), ("cameras_planned", 200, "at_least")]),
        ("Le parc comptait 96 caméras en 2014, soit à ce jour 152 en action.",
         [("cameras", 96, "exact"), ("cameras", 152, "exact")]),
        ("Les caméras vont passer de 31 actuellement à 45 à la fin de l'année.",
         [("cameras", 31, "exact"), ("cameras_planned", 45, "exact")]),
        ("La ville passera de 275 caméras actuellement à 315 fin 2025.",
         [("cameras", 275, "exact"), ("cameras_planned", 315, "exact")]),
        # the number of cameras said to lie between two bounds; of new ones, told of no past, to come
        ("Le nombre de caméras sera compris entre 30 et 50.",
         [("cameras_planned", 30, "at_least"), ("cameras_planned", 50, "at_most")]),
        ("La candidate avance un nombre de nouvelles caméras compris entre 30 et 50.",
         [("cameras_planned", 30, "at_least"), ("cameras_planned", 50, "at_most")]),
        ("Le nombre de policiers sera compris entre 30 et 50.", []),
        # a definite set with its owner is there, whatever the sentence plans
        ("Les stores vont disparaître, car ils bouchent la vue aux 50 caméras de vidéosurveillance de la ville.",
         [("cameras", 50, "exact")]),
        ("Les 43 caméras de la ville seront installées en 2025.", [("cameras_planned", 43, "exact")]),
        # cameras a town has to its credit are there, whatever it hopes
        ("Avec plus d'une centaine de caméras à son actif, la ville espère maintenir l'ordre.",
         [("cameras", 100, "at_least")]),
        # the earlier count a comparison gives, told by a word of time before
        ("La ville compte 12 caméras, contre onze auparavant.", [("cameras", 12, "exact"), ("cameras", 11, "exact")]),
        # the set others join, told with a hedge, is there
        ("Sept nouvelles caméras viendront s'ajouter aux plus de 280 caméras de Reims.",
         [("cameras_planned", 7, "exact"), ("cameras", 280, "at_least")]),
        # cameras in a vehicle's light bar or beacon
        ("La voiture Lapi est arrivée. Huit caméras ont été intégrées à la rampe lumineuse.", [("other", 8, "exact")]),
        ("Le suspect a été repéré par les 2 caméras situées sur le gyrophare.", [("other", 2, "exact")]),
        # a hedged set is a set: no sentence before makes it a plan
        ("« Nous allons tripler le nombre de caméras », dit le maire. Les 96 caméras posées depuis 2014 s'ajoutent "
         "aux plus de 280 caméras de la ville.", [("cameras", 96, "exact"), ("cameras", 280, "at_least")]),
        # where a series starts was there, whatever its own participle dates; what a system started with too
        ("De 11 caméras installées en 2002, le dispositif est monté à 105 caméras à présent.",
         [("cameras", 11, "exact"), ("cameras", 105, "exact")]),
        ("De 5 caméras, l'objectif du maire était de passer à 20.",
         [("cameras", 5, "exact"), ("cameras_planned", 20, "exact")]),
        ("Installé en janvier 2009 avec 26 caméras, le centre en compte désormais une centaine.",
         [("cameras", 26, "exact"), ("cameras", 100, "approx")]),
        ("De nouvelles caméras seront installées : de 12 nouvelles caméras en 2024, on passera à 20.",
         [("cameras_planned", 12, "exact"), ("cameras_planned", 20, "exact")]),
        # what a comparison sets against, at a time gone or now, was there; of two additions, the earlier addition
        ("La ville veut passer à 400 caméras, contre 310 avant notre mandat.",
         [("cameras_planned", 400, "exact"), ("cameras", 310, "exact")]),
        ("La ville aura 65 caméras à terme, contre onze auparavant.",
         [("cameras_planned", 65, "exact"), ("cameras", 11, "exact")]),
        ("En 2023, 14 nouvelles caméras ont été installées (contre 6 en 2022).",
         [("cameras_added", 14, "exact"), ("cameras_added", 6, "exact")]),
        # expected, so to come
        ("Sept caméras ont été installées. Neuf autres sont attendues sur l'année.",
         [("cameras", 7, "exact"), ("cameras_planned", 9, "exact")]),
        # more of them since a year gone: added since
        ("Le maire a présenté les 96 caméras supplémentaires de vidéosurveillance depuis 2014, soit à ce jour 152 "
         "en action.", [("cameras_added", 96, "exact"), ("cameras", 152, "exact")]),
        # a state with a time still ahead is an aim
        ("Des caméras viendront s'ajouter au parc, le but étant d'atteindre 65 caméras opérationnelles à terme.",
         [("cameras_planned", 65, "exact")]),
        # an ellipsis before a count
        ("La vidéo surveillance arrive… ...10 caméras seront installées sur la commune !",
         [("cameras_planned", 10, "exact")]),
        # damage told as an attack on the cameras
        ("Dans le quartier, 49 caméras qui ont été attaquées seront remplacées.", [("other", 49, "exact")]),
        ("L'an dernier, quatre caméras avaient été les cibles d'un commando.", [("other", 4, "exact")]),
        ("Deux caméras de la ville ont été prises pour cible samedi.", [("other", 2, "exact")]),
        # a size that sorts the systems a procedure asks about is no count
        ("Les pièces à joindre au dossier ne sont pas les mêmes selon que le système comporte 7 caméras au plus ou 8 "
         "caméras et plus.", []),
        ("Pour une installation plus importante (à partir de 8 caméras), il faut joindre un rapport de présentation.",
         []),
        ("La commune a déposé le dossier de son système de 12 caméras.", [("cameras", 12, "exact")]),
        # a project told as realised is no plan
        ("Ce projet de prévention s'est concrétisé par l'installation de 34 caméras en des points stratégiques.",
         [("cameras", 34, "exact")]),
        ("Le projet de vidéoprotection a abouti en 2019 avec 12 caméras.", [("cameras", 12, "exact")]),
        ("Le projet prévoit 12 caméras.", [("cameras_planned", 12, "exact")]),
        # or told by the noun of the harm done to them
        ("Après la destruction de six caméras de surveillance, la ville porte plainte.", [("other", 6, "exact")]),
        ("Le vol de deux caméras de vidéoprotection a été signalé.", [("other", 2, "exact")]),
        ("Les agents portent 30 caméras piétons.", [("other", 30, "exact")]),
        ("Les agents portent désormais quatre caméras de poitrine.", [("other", 4, "exact")]),
        # cameras kept for another watch than the streets': fire lookouts, each item's own equipment, drones
        ("Sur les points hauts, 12 caméras sont placées pour repérer les départs de feu.", [("other", 12, "exact")]),
        ("Les 26 bus de la ville ont trois caméras chacun.", [("other", 26, "exact"), ("other", 3, "exact")]),
        ("La police municipale utilise désormais deux drones de surveillance.", [("other", 2, "exact")]),
        # qualifiers
        ("C'est là qu'arrivent les images des 1 300 #caméras de la ville.", [("cameras", 1300, "exact")]),
        ("La ville compte près de 300 caméras.", [("cameras", 300, "approx")]),
        ("La ville compte environ 300 caméras.", [("cameras", 300, "approx")]),
        ("La ville compte plus de 300 caméras.", [("cameras", 300, "at_least")]),
        ("La ville compte un peu plus de 300 caméras.", [("cameras", 300, "at_least")]),
        ("La ville compte pas moins de 300 caméras.", [("cameras", 300, "at_least")]),
        ("La ville compte moins de 300 caméras.", [("cameras", 300, "at_most")]),
        ("L'aide à la vidéoprotection atteint au maximum 80 % de la dépense.", [("percent", 80, "at_most")]),
        ("L'aide à la vidéoprotection est plafonnée à 15 000 € par projet.", [("money_eur", 15000, "at_most")]),
        ("La région finance jusqu'à 40 % des travaux de vidéoprotection.", [("percent", 40, "at_most")]),
        ("La ville compte plus d'une centaine de caméras.", [("cameras", 100, "at_least")]),
        ("La ville veut augmenter le nombre de caméras, en les portant à 600 voire plus.",
         [("cameras_planned", 600, "at_least")]),
        ("Le groupe demande l'installation de 26 caméras a minima.", [("cameras_planned", 26, "at_least")]),
        # a hedge that goes on with "de" is the next count's: "et plus de 60" bounds the 60, not the 25
        ("La ville compte 25 caméras et plus de 60 détecteurs de vidéoprotection.",
         [("cameras", 25, "exact")]),
        # hedges written otherwise: the plural "quelques", a conditional, an adjective of bound or estimate
        ("La ville a installé quelques 160 caméras.", [("cameras", 160, "approx")]),
        ("Le coût des caméras avoisinerait les 110 000 euros.", [("money_eur", 110000, "approx")]),
        ("Un coût approximatif de 1.175.000 euros pour la vidéoprotection.", [("money_eur", 1175000, "approx")]),
        ("Une subvention maximale de 40 000 euros pour la vidéoprotection.", [("money_eur", 40000, "at_most")]),
        ("Les caméras de vidéoprotection coûtent à partir de 2 500 €.", [("money_eur", 2500, "at_least")]),
        # a hedge after the unit's complement
        ("Au total, 2200 caméras de surveillance environ sont réparties dans les stades.",
         [("cameras", 2200, "approx")]),
        # an adverb between the verb of bounding and the count
        ("Le coût de la vidéoprotection dépasse tout de même les 300.000 euros.", [("money_eur", 300000, "at_least")]),
        ("Le parc de caméras approche désormais les 70 unités.", [("cameras", 70, "approx")]),
        ("Le projet retenu prévoit 40 caméras à maxima.", [("cameras_planned", 40, "at_most")]),
        ("Le budget de la vidéoprotection avoisine les 2 millions d'euros.", [("money_eur", 2_000_000, "approx")]),
        # a bound in the conditional, with an adverb; nearness said with an adjective; a bound after a rate's unit
        ("Le coût des caméras dépasserait facilement 1 million d'euros.", [("money_eur", 1_000_000, "at_least")]),
        ("Grâce aux caméras, nous sommes proches de 50 % d'affaires élucidées.", [("percent", 50, "approx")]),
        ("Il faut compter 5 000 € par caméra minimum.", [("money_eur", 5000, "at_least")]),
        ("La vidéoprotection s'étend : une quinzaine supplémentaire sera posée.", [("cameras_planned", 15, "approx")]),
        # ranges
        ("Une caméra coûte entre 4 000 et 6 000 euros.", [("money_eur", 4000, "at_least"),
                                                         ("money_eur", 6000, "at_most")]),
        ("Chaque caméra coûte de 8 à 12 000 €.", [("money_eur", 8000, "at_least"), ("money_eur", 12000, "at_most")]),
        ("Le projet vise 50 à 60 caméras.", [("cameras_planned", 50, "at_least"), ("cameras_planned", 60, "at_most")]),
        # a year after "en" is the date of the count before, no low bound of a range
        ("Le gouvernement entendait passer de 20 000 caméras en 2008 à 60 000 à l'horizon 2011.",
         [("cameras", 20000, "exact"), ("cameras_planned", 60000, "exact")]),
        # a range in other words; two cases far apart are no range
        ("En 2017, la ville va implanter trois, voire quatre caméras supplémentaires.",
         [("cameras_planned", 3, "at_least"), ("cameras_planned", 4, "at_most")]),
        ("Devant les écrans des caméras, six ou sept opérateurs se relaient.",
         [("other", 6, "at_least"), ("other", 7, "at_most")]),
        ("La vidéoprotection coûterait 1 M€ ou 4 M€ selon le nombre de caméras.",
         [("money_eur", 1_000_000, "exact"), ("money_eur", 4_000_000, "exact")]),
        # densities, normalised to 100,000 inhabitants
        ("La ville compte 12,5 caméras pour 10 000 habitants.", [("cameras_per_100k", 125, "exact")]),
        ("On y trouve une caméra pour 400 habitants.", [("cameras_per_100k", 250, "exact")]),
        ("On y compte 1 caméra pour 800 habitants.", [("cameras_per_100k", 125, "exact")]),
        ("La ville a 90 caméras, soit une pour 500 habitants.",
         [("cameras", 90, "exact"), ("cameras_per_100k", 200, "exact")]),
        ("Le bourg compte 40 caméras pour 3 200 habitants.", [("cameras", 40, "exact"), ("population", 3200, "exact")]),
        # a list of labelled figures, one a line
        ("Vidéoprotection en chiffres\n\nCaméras installées : 140\nAgents du CSU : 9",
         [("cameras", 140, "exact"), ("other", 9, "exact")]),
        ("Elle compte environ 48 caméras pour 100 000 habitants, contre plus de 100 dans les villes comparables.",
         [("cameras_per_100k", 48, "approx"), ("cameras_per_100k", 100, "at_least")]),  # the bare 100 goes on
        # money, percent, population, offences
        ("Le dispositif de vidéoprotection a coûté 1,2 million d'euros.", [("money_eur", 1_200_000, "exact")]),
        ("Les caméras sont financées à 50 % par l'État.", [("percent", 50, "exact")]),
        ("La police a relevé 420 infractions grâce aux caméras.", [("offences", 420, "exact")]),
        ("Les 6 opérateurs du CSU se relaient jour et nuit.", [("other", 6, "exact")]),
        # anaphora
        ("La ville a inauguré une caméra place du marché. Cinq autres seront installées.",
         [("cameras_planned", 5, "exact")]),
        ("La vidéoprotection progresse. On en dénombre aujourd'hui 64.", [("cameras", 64, "exact")]),
        ("312\nC'est le nombre de caméras installées dans la ville.", [("cameras", 312, "exact")]),
        ("La ville s'équipe. 60. C'est le nombre de caméras de la commune.", [("cameras", 60, "exact")]),
        # a bare count whose verb tells what only cameras are or do: in service, working, filming
        ("La commune a posé des caméras. Une dizaine sont en service depuis trois semaines.",
         [("cameras", 10, "approx")]),
        ("Le réseau de caméras s'est étendu. Onze fonctionnent désormais.", [("cameras", 11, "exact")]),
        ("Rouen a déployé 21 nouvelles caméras en plus des 41 qui sont déjà installées.",
         [("cameras_added", 21, "exact"), ("cameras", 41, "exact")]),
        # a road in service is no count ("la RN 88 est en service")
        ("Depuis que la RN 88 est en service, la commune a installé des caméras.", []),
        ("Le centre de supervision emploie 8 opérateurs. Ils seront bientôt 12.",
         [("other", 8, "exact"), ("other", 12, "exact")]),
        ("La ville compte 40 caméras. Le maire a annoncé qu'une vingtaine d'autres viendraient s'y ajouter.",
         [("cameras", 40, "exact"), ("cameras_planned", 20, "approx")]),
        # a split by type leaves the noun out: "6 nomades" are cameras
        ("La ville compte 45 caméras fixes et 6 nomades.", [("cameras", 45, "exact"), ("cameras", 6, "exact")]),
        ("Le réseau repose sur 112 caméras, dont 18 mobiles.", [("cameras", 112, "exact"), ("cameras", 18, "exact")]),
        # the count a total comes to is a stock, or a plan when what reaches it is to come
        ("Douze caméras ont été ajoutées en 2023, portant le total à 76.",
         [("cameras_added", 12, "exact"), ("cameras", 76, "exact")]),
        ("Douze caméras seront ajoutées en 2027, portant le total à 88.",
         [("cameras_planned", 12, "exact"), ("cameras_planned", 88, "exact")]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_rules(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "La police municipale compte 18 policiers municipaux.",  # headcount not tied to the video centre
        "Les images sont conservées 30 jours.",
        "Le centre est ouvert 24h/24, 7j/7. Tél. : 02 37 38 84 00.",
        "Le plan régional de sécurité de 300 millions d'euros protège lycées et transports.",
        "La ville compte 95 faits pour 1 000 habitants.",
        "Leur nombre devrait doubler d'ici un an.",
        "Une caméra a été posée devant l'école.",
        "Des dizaines de caméras surveillent le quartier.",
        "En 2019, la ville a délibéré sur la vidéoprotection.",
        "Le contrat prévoit le recrutement de 8 policiers et une étude sur la vidéoprotection.",
        "Au parking de la gare, le tarif est de 2,20 euros de l'heure.",
        "La liste favorable aux caméras a obtenu 41 % des voix.",
        "Section d'investissement : 8,2 M€.",
        "Un opérateur pour 10 caméras : c'est la norme retenue.",
        "La police municipale compte 55 agents, dont une partie au centre de supervision.",
    ],
)
def test_hard_negatives(text):
    assert triples(text) == []


def test_a_list_is_read_a_line_at_a_time():
    text = "Le parc de caméras\n\n2019 : 20 caméras\n2021 : 31 caméras\n2026 : 40 caméras (prévision)"
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == [
        ("cameras", 20, "2019"), ("cameras", 31, "2021"), ("cameras_planned", 40, "2026")]


@pytest.mark.parametrize("text", ["Le réseau de Sandra : 40 caméras.", "Les forgerons et 40 caméras."])
def test_a_name_in_dra_or_a_noun_in_erons_is_no_future_verb(text):
    assert [(f.metric, f.value) for f in extract_text(text)] == [("cameras", 40)]


def test_a_noun_in_era_is_no_future_verb():
    """ "1 camera" without its accent ends like "installera"; "opera" and "Riviera" too: no tense of their own."""
    text = "Lieux équipés :\nCrèche : 1 camera\nOpera : 3 caméras\nPlage de la Riviera : 2 caméras"
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Parthenay")] == [
        ("cameras", 1), ("cameras", 3), ("cameras", 2)]


def test_a_budget_for_cameras_and_additions_dated_after_the_page():
    """The amount is the cameras' though the sentence names them by "en", and dated as they are; added
    in a year after the page's, they are yet to come."""
    text = ("La vidéoprotection progresse. Le conseil a voté un budget de 300 000 euros pour en installer 12 de "
            "plus en 2026.")
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published="2025-01-10")] == [
        ("money_eur", 300_000, "2026"), ("cameras_planned", 12, "2026")]


def test_a_heading_restating_a_count_yields_to_its_text():
    text = "Trente caméras de plus\n\nLa commune installera trente caméras supplémentaires l'an prochain."
    assert triples(text) == [("cameras_planned", 30, "exact")]


def test_repeated_fact_is_one_figure():
    text = ("30 nouvelles caméras seront installées cette année. La pose des 30 caméras débutera en mars.")
    assert triples(text) == [("cameras_planned", 30, "exact")]


@pytest.mark.parametrize(("text", "expected"), [
    # a count said again with no word of time is the fact the page told with its kind
    ("La ville installera 68 caméras supplémentaires d'ici 2025. Nous avons toujours soutenu ce projet. Il "
     "représente 1,2 million pour 68 caméras.", [("cameras_planned", 68, "exact")]),
    # not a small count, which recurs as other facts
    ("Trois caméras seront posées au stade.\n\nÉquipements actuels : crèche, 3 caméras ; école, 2 caméras.",
     [("cameras_planned", 3, "exact"), ("cameras", 3, "exact"), ("cameras", 2, "exact")]),
])
def test_a_count_said_again_without_a_kind_is_the_fact_told_with_one(text, expected):
    assert [t for t in triples(text) if t[0].startswith("cameras")] == expected


def test_a_fact_told_with_a_year_then_with_its_month_is_one_figure():
    text = ("D'ici l'année prochaine, 16 caméras supplémentaires seront installées. Fin 2023, le réseau en "
            "comptera 16 de plus.")
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Vénissieux", published="2022-05-02")] == [
        ("cameras_planned", 16)]


def test_contradictory_statements_are_both_kept():
    text = "La ville compte 458 caméras. Aujourd'hui, le territoire compte plus de 450 caméras."
    assert triples(text) == [("cameras", 458, "exact"), ("cameras", 450, "at_least")]


def test_evidence_is_an_exact_substring_with_offsets():
    text = "Depuis 2015, la commune s'est équipée. Elle dispose de près de 75 caméras."
    (figure,) = extract_text(text)
    assert text[figure.start : figure.end] == figure.evidence == "près de 75 caméras"
    assert figure.sentence == "Elle dispose de près de 75 caméras."


def test_a_number_opening_a_sentence_is_no_place():
    """ "Douze" is also La Douze, a commune of the Dordogne, as Périgueux is."""
    text = "La ville comptait 64 caméras. Douze ont été ajoutées en 2023, portant le total à 76."
    assert {f.place for f in extract_text(text, place_hint="Périgueux")} == {"Périgueux"}


def test_a_place_named_as_the_complement_of_the_figure():
    text = "Rodez compte 48 caméras, loin des 370 caméras pour 100 000 habitants de Nice."
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint="Rodez")] == [
        ("cameras", 48, "Rodez"), ("cameras_per_100k", 370, "Nice")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the amount of an operation is dated as the cameras it pays for, a number between them or not
    ("Le conseil a voté une enveloppe de 600 000 euros pour équiper la ville de 40 caméras d'ici 2024.", None,
     [("money_eur", "2024"), ("cameras_planned", "2024")]),
    # the next sentence speaks of the operation: its cost, its share paid by the State
    ("Quinze caméras seront déployées cet automne. Coût de l'opération : 210 000 euros, subventionnés à "
     "hauteur de 40 % par l'État.", "2023-09-01",
     [("cameras_planned", "2023"), ("money_eur", "2023"), ("percent", "2023")]),
    # a pronoun goes on with a dated meeting: what it decided is announced then
    ("Le conseil municipal s'est réuni le 7 novembre 2022. Il a voté l'achat de 15 caméras supplémentaires "
     "pour un montant de 210 000 euros.", None, [("cameras_planned", "2022-11-07"), ("money_eur", "2022-11-07")]),
    # a stock in the present is as of publication, whatever the sentence before it dated
    ("En 2010, la ville a installé ses 20 premières caméras. Elle en compte 80.", None,
     [("cameras", "2010"), ("cameras", None)]),
    # a sentence that does not go on with the one before lends nothing
    ("Le conseil municipal s'est réuni le 7 novembre 2022. La ville achètera 15 caméras.", None,
     [("cameras_planned", None)]),
])
def test_a_statement_lends_its_date(text, published, expected):
    assert [(f.metric, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # each person of avoir: "nous avions" is the past's stock, "nous en aurons" a plan
    ("« Nous avions 38 caméras en 2019, nous en aurons 60 à la fin de l'année », dit l'adjoint.",
     [("cameras", 38, "2019"), ("cameras_planned", 60, "2022-12")]),
    # "en recevra 25": what a place will receive of a plan
    ("La commune dispose déjà de 41 caméras. Elle en recevra 25.",
     [("cameras", 41, None), ("cameras_planned", 25, None)]),
    # an installation a past aid paid for is done, not planned
    ("Depuis 2017, la Région a accompagné 180 communes pour l'installation de plus de 1 500 caméras.",
     [("other", 180, None), ("cameras_added", 1500, None)]),
    # a number of something else between a figure and its date does not keep the date from it
    ("Le plan prévoit l'installation de 70 caméras dans les 20 communes de l'agglomération d'ici 2022.",
     [("cameras_planned", 70, "2022"), ("other", 20, "2022")]),
    # "déjà" in the present is now; in the imperfect, as of the date told before it
    ("« À mon élection en 2014, sept caméras étaient déjà en place », dit le maire.", [("cameras", 7, "2014")]),
    ("En 2014, la ville a été aidée. Les 33 caméras déjà en place suffisent.", [("cameras", 33, None)]),
])
def test_tense_and_date(text, expected):
    figures = extract_text(text, published="2022-05-11", place_hint="Normandie" if "Région" in text else None)
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_a_budget_line_is_read_under_its_heading():
    """A line of a list says what it counts by its heading: a maintenance budget of the video system is
    surveillance money; under a heading on the town's finances it is not."""
    line = "\n\n• 52 caméras sur la voie publique\n• 4 agents au CSU\n• Budget annuel de maintenance : 45 000 €"
    assert ("money_eur", 45_000) in [(f.metric, f.value) for f in extract_text("La vidéoprotection en chiffres" + line)]
    assert "money_eur" not in [f.metric for f in extract_text("Les finances de la ville" + line)]


@pytest.mark.parametrize(("text", "expected"), [
    # "opérationnelles" right after the count: in service now; dated to come, a plan
    ("Le maire a parlé de « 48 caméras opérationnelles » et de 10 autres qui seront posées.",
     [("cameras", 48, None), ("cameras_planned", 10, None)]),
    ("80 caméras seront opérationnelles d'ici 2025.", [("cameras_planned", 80, "2025")]),
    # the season to come is this year's if it has not begun at publication, else next year's
    ("D'ici l'été, 12 caméras viendront s'ajouter aux 75 existantes.",
     [("cameras_planned", 12, "2024"), ("cameras", 75, None)]),
    ("La ville compte 40 caméras. Dix autres seront posées au printemps prochain.",
     [("cameras", 40, None), ("cameras_planned", 10, "2025")]),
])
def test_in_service_and_seasons_to_come(text, expected):
    figures = extract_text(text, published="2024-04-10" if "été" in text else "2024-09-08")
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_a_cap_and_a_unit_price():
    """ "pas plus de" caps; the price of one camera holds for no date the sentence gives elsewhere."""
    text = "La mairie n'en installera pas plus de 20 d'ici 2026 : chaque caméra coûte à peine 9 000 €."
    figures = extract_text("La ville compte 150 caméras. " + text)
    assert [(f.metric, f.value, f.qualifier, f.date) for f in figures] == [
        ("cameras", 150, "exact", None), ("cameras_planned", 20, "at_most", "2026"), ("money_eur", 9000, "exact", None)]


@pytest.mark.parametrize(("day", "published", "date"), [("14 juin", "2019-06-18", "2019-06-14"),
                                                        ("14 juin", "2019-09-30", "2019-06-14"),
                                                        ("14 décembre", "2020-01-10", "2019-12-14"),
                                                        ("3 février", "2019-12-02", "2020-02-03")])
def test_a_decision_dated_by_a_day_without_its_year(day, published, date):
    """ "votée le 14 juin": the day nearest the publication; what is voted is to be carried out."""
    text = f"La 4e tranche, votée le {day}, porte sur 18 caméras pour 270 000 €."
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == [
        ("cameras_planned", 18, date), ("money_eur", 270_000, date)]


@pytest.mark.parametrize(("text", "places"), [
    ("La ville dispose de 200 caméras, dont près d'une centaine dans le centre historique.",
     [("cameras", 200, "exact", "Grasse"), ("cameras", 100, "approx", "Grasse / centre historique")]),
    ("La ville dispose de 60 caméras, concentrées dans le centre ancien et aux abords de la gare.",
     [("cameras", 60, "exact", "Grasse")]),
])
def test_a_district_named_after_the_count(text, places):
    assert [(f.metric, f.value, f.qualifier, f.place) for f in extract_text(text, place_hint="Grasse")] == places


def test_cameras_linked_to_an_intercommunal_centre_are_the_intercommunalite_s():
    text = ("Antibes compte 320 caméras. Au total, plus de 400 caméras sont reliées au centre de supervision "
            "intercommunal.")
    figures = extract_text(text, place_hint="Antibes")
    assert [(f.value, f.place_kind) for f in figures] == [(320, "commune"), (400, "intercommunalite")]


def test_an_answer_counts_what_the_question_asks():
    text = ("— Combien de caméras compte la commune ?\n— Aujourd'hui, 37. Nous en aurons une cinquantaine d'ici "
            "deux ans.")
    assert [(f.metric, f.value, f.qualifier, f.date) for f in extract_text(text, published="2023-05-15")] == [
        ("cameras", 37, "exact", None), ("cameras_planned", 50, "approx", "2025")]


def test_a_part_of_a_stock_installed_in_a_bounded_period_is_an_increment():
    text = "À Liévin, 45 caméras ont été installées depuis 2014, dont 11 l'an dernier."
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published="2020-11-03")] == [
        ("cameras", 45, None), ("cameras_added", 11, "2019")]


def test_an_intercommunalite_keeps_the_hyphen_of_its_usual_spelling():
    text = "La communauté d'agglomération de Lens-Liévin annonce 150 caméras supplémentaires."
    (figure,) = extract_text(text, place_hint="Liévin")
    assert (figure.place, figure.place_kind) == ("Communauté d'agglomération de Lens-Liévin", "intercommunalite")


@pytest.mark.parametrize(("text", "expected"), [
    ("Pour la vidéoprotection, le taux maximal de financement est de 30 %.", [("percent", 30, "at_most")]),
    ("Pour la vidéoprotection, le montant minimal de l'aide est de 5 000 euros.", [("money_eur", 5000, "at_least")]),
    # "d'entre elles" counts among the cameras just named; fining drivers is not area surveillance
    ("La ville compte 140 caméras. Huit d'entre elles servent à la vidéo-verbalisation.",
     [("cameras", 140, "exact"), ("other", 8, "exact")]),
])
def test_bounds_and_parts_named_apart(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # allowed by the prefect: to be installed
    ("Au total, 212 nouvelles caméras ont été autorisées sur la voie publique, dont 48 à Beaucaire.",
     [("cameras_planned", 212, "exact"), ("cameras_planned", 48, "exact")]),
    # "dont 19 déposés": the noun left out before its participle
    ("La commission de vidéoprotection a examiné 27 dossiers, dont 19 déposés par des communes.",
     [("other", 27, "exact"), ("other", 19, "exact")]),
    ("Neuf nouvelles caméras ont rejoint le réseau cet hiver, qui en compte aujourd'hui 47.",
     [("cameras_added", 9, "exact"), ("cameras", 47, "exact")]),
])
def test_authorised_parts_and_joined(text, expected):
    assert triples(text) == expected


def test_a_word_cut_at_a_line_end_is_read_whole_and_quoted_as_written():
    text = ("Poursuite du plan de vidéo-\nprotection avec l'installation de 16 ca-\nméras supplémentaires (coût : "
            "240 000 €).")
    figures = extract_text(text)
    assert [(f.metric, f.value, f.evidence) for f in figures] == [
        ("cameras_planned", 16, "16 ca-\nméras"), ("money_eur", 240_000, "240 000 €")]
    assert all(text[f.start : f.end] == f.evidence for f in figures)


def test_where_a_change_starts_is_now():
    text = "12/03/2022 — Vidéoprotection : le réseau passera de 140 à 165 caméras d'ici l'été."
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published="2022-04-01")] == [
        ("cameras", 140, None), ("cameras_planned", 165, "2022")]


def test_a_count_in_brackets_is_the_phrase_s_it_stands_in():
    text = ("La ville a étendu son réseau de vidéoprotection (52 caméras) au quartier des Serres, qui en accueille "
            "désormais 7.")
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Manosque")] == [
        (52, "Manosque"), (7, "Manosque / Serres")]


@pytest.mark.parametrize(("text", "expected"), [
    ("+15 caméras en 2020 : le parc compte désormais 43 appareils.",
     [("cameras_added", 15, "exact"), ("cameras", 43, "exact")]),
    ("La commune a commandé 10 unités supplémentaires, qui porteront le dispositif à 48 caméras.",
     [("cameras_planned", 10, "exact"), ("cameras_planned", 48, "exact")]),
    ("La salle de sport compte 43 appareils.", []),  # "appareils" are cameras only where cameras are the topic
    # a part of those named before: "250 de ces appareils", as "250 de ces caméras"
    ("Le centre recevra les images des 642 caméras de la ville.\n\nPour l'heure, 250 de ces appareils sont en service.",
     [("cameras", 642, "exact"), ("cameras", 250, "exact")]),
])
def test_signed_counts_and_stand_in_nouns(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Suivent Marseille (1 800 caméras) et Toulouse (1 100).",
     [("cameras", 1800, "Marseille"), ("cameras", 1100, "Toulouse")]),
    # a ratio per operator is no count
    ("La ville compte 68 caméras. Chaque opérateur du CSU surveille en moyenne 17 caméras.",
     [("cameras", 68, None)]),
    # "déjà" of an old promise does not make its count current
    ("Le maire promet 30 caméras de plus avant 2026 ; en 2020, il en promettait déjà 50 pour 2022.",
     [("cameras_planned", 30, None), ("cameras_planned", 50, None)]),
    # the budget of "the system" the text is about is surveillance money
    ("La ville compte 25 caméras. Le budget annuel de fonctionnement du système atteint 15 000 euros.",
     [("cameras", 25, None), ("money_eur", 15_000, None)]),
])
def test_enumerations_ratios_promises_and_the_system(text, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Il y a dix ans, la ville comptait 12 caméras.", "2023-04-20", [("cameras", 12, "2013")]),
    ("En 2017, la ville a ajouté 5 caméras. Depuis, le nombre de caméras est resté stable, à 25.", None,
     [("cameras_added", 5, "2017"), ("cameras", 25, None)]),
    ("Faute d'entretien, la commune n'a plus que 10 caméras en état de marche.", None, [("cameras", 10, None)]),
    # the season of a clause to come is the next one, of a clause done the last one
    ("Dans le quartier, on a posé 20 caméras cet automne, et dix seront rajoutées d'ici 2015.", "2014-01-27",
     [("cameras_added", 20, "2013"), ("cameras_planned", 10, "2015")]),
    ("La commune a décidé l'installation de 14 caméras, dont 6 autour de la gare.", None,
     [("cameras_planned", 14, None), ("cameras_planned", 6, None)]),
])
def test_years_ago_stable_counts_and_seasons(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


def test_cameras_to_be_replaced_are_the_stock_of_now_and_the_works_lend_their_date():
    text = ("Les 18 caméras de la vieille ville seront remplacées cet automne. Le chantier, estimé à 95 000 euros, "
            "sera financé à 30 % par la Région.")
    figures = extract_text(text, published="2024-06-12", place_hint="Dinan")
    assert [(f.metric, f.value, f.place, f.date) for f in figures] == [
        ("cameras", 18, "Dinan / vieille ville", None), ("money_eur", 95_000, "Dinan", "2024"),
        ("percent", 30, "Dinan", "2024")]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville installera des caméras à raison d'une quinzaine par an.", [("cameras_planned", 15, "approx")]),
    # one count said twice, the second time precisely: the precise one is kept
    ("La commune installera une quinzaine de caméras. Elle en posera 15 au printemps.",
     [("cameras_planned", 15, "exact")]),
])
def test_rates_and_the_most_precise_restatement(text, expected):
    assert triples(text) == expected


def test_a_bulleted_line_ends_its_sentence_and_names_a_member_commune():
    """Allaire is in the Morbihan, Redon in Ille-et-Vilaine: both of the same intercommunalité."""
    text = ("Les communes membres :\n• Redon : 24 caméras\n• Allaire : 6 caméras\nLes images des 30 caméras sont "
            "centralisées au CSU de Redon.")
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Redon")] == [
        (24, "Redon"), (6, "Allaire"), (30, "Redon")]


def test_a_text_or_an_institution_after_au_is_no_district():
    text = ("Plus de 1 000 procès-verbaux ont été dressés, dont 75% pour stationnement gênant et 25% pour "
            "infractions diverses au Code de la route.")
    assert {f.place for f in extract_text(text, place_hint="Valence (Drôme)")} == {"Valence (Drôme)"}


@pytest.mark.parametrize("text", [
    "Les chiffres clés :\n- 4 opérateurs au Centre de supervision urbain pour la surveillance\n- 102 caméras",
    "Une vingtaine d'agents travaillent au Centre de Supervision Urbain, qui reçoit les images de 102 caméras.",
])
def test_a_centre_of_something_is_a_body_not_the_district_centre(text):
    assert {f.place for f in extract_text(text, place_hint="Colmar")} == {"Colmar"}


def test_the_district_centre_said_alone_stays_a_district():
    assert [f.place for f in extract_text("La ville a posé 12 caméras au Centre.", place_hint="Colmar")] == [
        "Colmar / Centre"]


@pytest.mark.parametrize(("text", "expected"), [
    # a labelled line with its part in brackets, then the next line
    ("Vendôme en chiffres\n\nNombre de caméras : 31 (dont 4 nomades)\nPart du budget consacrée à la "
     "vidéoprotection : 0,5 %", [("cameras", 31, None), ("cameras", 4, None), ("percent", 0.5, None)]),
    # a clause that is only a year dates the one before it
    ("La ville compte 64 caméras. Le maire souhaite en ajouter 16 d'ici la fin du mandat, en 2026.",
     [("cameras", 64, None), ("cameras_planned", 16, "2026")]),
    # the same count now and in 2019: two statements
    ("On recense aujourd'hui 40 caméras. La ville est passée à 40 caméras en 2019, contre 22 en 2016.",
     [("cameras", 40, None), ("cameras", 40, "2019"), ("cameras", 22, "2016")]),
])
def test_labelled_parts_appositive_years_and_now(text, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("La municipalité a installé 12 caméras supplémentaires au printemps.", "2022-09-14",
     [("cameras_added", 12, "2022")]),
    ("Douze caméras seront installées cet été, puis huit autres à l'automne.", "2024-06-03",
     [("cameras_planned", 12, "2024"), ("cameras_planned", 8, "2024")]),
    ("La commune s'est équipée de ses 6 premières caméras en juin.", "2022-09-14", [("cameras", 6, "2022-06")]),
    # a relative clause dates what it is about, not the count of the main clause
    ("Le système de vidéoprotection, qui date de 2011, compte 17 caméras.", None, [("cameras", 17, None)]),
    # the start of a change takes the start of its period, the end its end
    ("Entre 2018 et 2021, le nombre de caméras est passé de 9 à 27.", None,
     [("cameras", 9, "2018"), ("cameras", 27, "2021")]),
])
def test_seasons_months_relative_clauses_and_periods(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


def test_a_budget_title_dates_what_it_pays_for_and_plans():
    text = ("Rapport d'orientation budgétaire 2024\n\nSécurité : l'installation de 16 caméras supplémentaires "
            "(coût : 240 000 €). La ville compte 80 caméras.")
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == [
        ("cameras_planned", 16, "2024"), ("money_eur", 240_000, "2024"), ("cameras", 80, None)]
    untitled = text.split("\n\n", 1)[1]
    assert [f.date for f in extract_text(untitled)] == [None, None, None]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Vidéoprotection : 29 caméras, 1 opératrice à temps plein", None, [("cameras", 29, None), ("other", 1, None)]),
    # vehicles count when equipped, not when towed
    ("La vidéoprotection compte 29 caméras. Fourrière : 212 véhicules enlevés.", None, [("cameras", 29, None)]),
    ("La Région a équipé de caméras 4 000 cars scolaires.", None, [("other", 4000, None)]),
    ("Le maire a confirmé l'achat de 10 caméras. « Elles viendront s'ajouter aux 44 que nous avons déjà », dit-il.",
     None, [("cameras_planned", 10, None), ("cameras", 44, None)]),
    ("Le réseau s'est enrichi de 9 caméras cet été.", "2024-09-09", [("cameras_added", 9, "2024")]),
    ("Tarbes s'est dotée de 48 caméras en 2016.", None, [("cameras", 48, "2016")]),
    ("La ville prévoit de déployer une trentaine de caméras dans les deux ans.", "2019-02-02",
     [("cameras_planned", 30, "2021")]),
])
def test_operators_vehicles_purchases_and_additions(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "hint", "place"), [
    # the text's own name for an intercommunalité is its usual one
    ("Annemasse Agglo gère 95 caméras.", "Annemasse", "Annemasse Agglo"),
    ("L'Eurométropole de Strasbourg exploite un réseau de 400 caméras.", "Strasbourg", "Eurométropole de Strasbourg"),
    ("Le Grand Avignon regroupe les images de 210 caméras.", "Avignon", "Grand Avignon"),
    # named after a place, the body's words are part of the name
    ("La communauté d'agglomération de Lens-Liévin annonce 150 caméras supplémentaires.", "Liévin",
     "Communauté d'agglomération de Lens-Liévin"),
])
def test_an_intercommunalite_goes_by_the_name_the_text_gives_it(text, hint, place):
    (figure,) = extract_text(text, place_hint=hint)
    assert (figure.place, figure.place_kind) == (place, "intercommunalite")


@pytest.mark.parametrize(("text", "expected"), [
    ("Combien coûte une caméra ? 8 000 euros. Combien y en a-t-il en ville ? 58, dont 20 dans le centre-ville.",
     [("money_eur", 8000, "exact"), ("cameras", 58, "exact"), ("cameras", 20, "exact")]),
    # what an opposition asks for is not there yet
    ("La maire estime que les 30 caméras existantes suffisent. L'opposition en réclamait 50 de plus.",
     [("cameras", 30, "exact"), ("cameras_planned", 50, "exact")]),
])
def test_questions_about_them_and_requests(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Au centre de supervision, cinq opérateurs travaillent en journée, trois la nuit.",
     [("other", 5, "exact"), ("other", 3, "exact")]),
    # what a later phase of a programme installed, it added; a first phase's is the network then (the real
    # corpus's gold reads "Cette première phase a permis l'installation de 17 caméras" so, 7 times in 9)
    ("Une deuxième phase, achevée en 2022, a permis de raccorder 65 caméras au CSU intercommunal.",
     [("cameras_added", 65, "exact")]),
    ("Une première phase, achevée en 2022, a permis de raccorder 65 caméras au CSU intercommunal.",
     [("cameras", 65, "exact")]),
])
def test_shifts_and_phases(text, expected):
    assert triples(text) == expected


def facts(text, **kwargs):
    return [(f.metric, f.value, f.qualifier, f.date) for f in extract_text(text, **kwargs)]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a season with its year is that year's, not the season nearest the publication
    ("Douze caméras seront posées d'ici l'été 2024.", "2023-03-14", [("cameras_planned", 12, "exact", "2024")]),
    ("Au printemps 2019, la ville a installé 6 nouvelles caméras.", "2023-01-10",
     [("cameras_added", 6, "exact", "2019")]),
    # a year the present is likened to, or a start told by "depuis que", dates nothing
    ("Comme en 2013, Nice reste la ville la plus vidéosurveillée avec 2.600 caméras.", None,
     [("cameras", 2600, "exact", None)]),
    # "dès" dates what happens then, unlike "depuis", which starts a period
    ("La ville sera équipée de 31 caméras dès 2018.", "2017-11-20", [("cameras_planned", 31, "exact", "2018")]),
    # the year a period starts from, however long the phrase that names the start
    ("Depuis la création du dispositif en 2021, 71 communes ont bénéficié de l'aide à la vidéoprotection.", None,
     [("other", 71, "exact", None)]),
    # "porter le parc de 180 à 250": where a count starts and where it goes, not a range
    ("Objectif : porter le parc de 180 à 250 caméras d'ici 2026.", "2021-11-09",
     [("cameras", 180, "exact", None), ("cameras_planned", 250, "exact", "2026")]),
    # more cameras, said of no past: a plan, whatever else the sentence counts in the present
    ("« Soixante-dix caméras de plus, c'est une fuite en avant », dit un élu, qui rappelle que la ville compte 45 "
     "policiers.", None, [("cameras_planned", 70, "exact", None)]),
    ("La ville compte des caméras de vidéoprotection. En 2014, il n'y en avait que 9.", None,
     [("cameras", 9, "exact", "2014")]),
    # viewings of the footage are uses of it; a camera vandalised three times is not
    ("L'an dernier, les enquêteurs ont demandé à visionner les images à 210 reprises.", "2018-05-02",
     [("other", 210, "exact", "2017")]),
    ("La caméra de la place a été vandalisée à trois reprises.", None, []),
    # a financing plan is the project's, not a global plan
    ("Vidéoprotection : extension du réseau. Le conseil arrête le plan de financement suivant : coût total "
     "96 400 € HT, subvention sollicitée 38 560 €.", None,
     [("money_eur", 96400, "exact", None), ("money_eur", 38560, "exact", None)]),
    # a total the added cameras bring the count to
    ("Le conseil approuve l'implantation de 8 caméras supplémentaires, portant le nombre total de caméras à 57.", None,
     [("cameras_planned", 8, "exact", None), ("cameras_planned", 57, "exact", None)]),
    ("La ville a installé 8 caméras, portant le total à 57.", None,
     [("cameras_added", 8, "exact", None), ("cameras", 57, "exact", None)]),
    # next month, said in December, is January of the year after
    ("Le mois prochain, 4 caméras seront posées rue de la Gare.", "2024-12-15",
     [("cameras_planned", 4, "exact", "2025-01")]),
    # a plan's first step is no start of the story: the page's date line does not date it
    ("Publié le 28/06/2022\n\nDans un premier temps, 11 caméras seront installées.", "2022-06-28",
     [("cameras_planned", 11, "exact", None)]),
])
def test_seasons_with_years_starts_totals_and_more(text, published, expected):
    assert facts(text, published=published) == expected


def test_cameras_a_departement_aid_funded_were_added():
    text = "Depuis 2021, le Département a aidé 71 communes, pour près de 420 caméras financées."
    assert facts(text, place_hint="Haute-Loire", place_kind="departement")[-1] == ("cameras_added", 420, "approx",
                                                                                  None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Le centre de supervision a ouvert. Quatre agents intercommunaux assurent le visionnage.", [("other", 4)]),
    # spread over several communes, or counting them: the intercommunalité's, not the last commune named
    ("Il reçoit déjà les images des 15 caméras de Stiring-Wendel ; à terme, une centaine de caméras réparties "
     "dans neuf communes y seront raccordées.", [("cameras_planned", 100), ("other", 9)]),
])
def test_an_intercommunal_count_goes_to_the_intercommunalite(text, expected):
    epci = "Communauté d'agglomération de Forbach Porte de France"
    figures = [f for f in extract_text(text, place_hint="Forbach") if f.place == epci]
    assert [(f.metric, f.value) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a part of the cameras that serves to fine drivers is "other"; the whole it is part of stays a stock
    ("Huit des 64 caméras de la ville servent aussi à verbaliser les automobilistes.", None,
     [("other", 8, "exact", None), ("cameras", 64, "exact", None)]),
    ("L'ensemble des 64 caméras sont en panne.", None, [("other", 64, "exact", None)]),
    # a whole of which only a part is out of order stays a stock; the part is "other"
    ("La ville est surveillée par 16 caméras - dont 5 en panne depuis leur installation.", None,
     [("cameras", 16, "exact", None), ("other", 5, "exact", None)]),
    # what a driver pays is not money spent on surveillance
    ("En six mois, 1 800 amendes ont été dressées, pour un montant moyen de 35 euros.", None,
     [("offences", 1800, "exact", None)]),
    ("La vidéoprotection s'étend. D'ici 2025, l'agglomération prévoit d'en connecter 80 de plus.", None,
     [("cameras_planned", 80, "exact", "2025")]),
    # a pronoun goes on with the main clause, not with the operation a relative clause told of
    ("Après la première phase, qui a permis d'installer 35 caméras en 2019 et 2020, la deuxième phase démarre cet "
     "été. Elle prévoit 22 caméras pour 480 000 euros.", "2021-06",
     [("cameras_added", 35, "exact", "2020"), ("cameras_planned", 22, "exact", None),
      ("money_eur", 480000, "exact", None)]),
])
def test_parts_fines_connections_and_relative_clauses(text, published, expected):
    assert facts(text, published=published) == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # a figure in the phrase that opens a sentence is its subject's
    ("Avec une caméra pour 150 habitants, Levallois-Perret reste la commune la plus équipée.", None,
     [("cameras_per_100k", "Levallois-Perret")]),
    ("Avec 120 caméras, Neuilly-sur-Seine devance sa voisine.", "Dreux", [("cameras", "Neuilly-sur-Seine")]),
    # each count of a split takes the district named after it, not the one before it
    ("La ville prévoit 22 caméras, dont 9 dans le quartier des Lozaits et 6 sur le plateau des Hautes-Bruyères.",
     "Villejuif", [("cameras_planned", "Villejuif"), ("cameras_planned", "Villejuif / Lozaits"),
                   ("cameras_planned", "Villejuif / Hautes-Bruyères")]),
])
def test_opening_phrases_and_districts_of_a_split(text, hint, expected):
    assert [(f.metric, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # who pays, even second in a list of funders, is not where
    ("Coût du projet de vidéoprotection : 45 000 € HT, financé à 80 % par la Région Occitanie et le Département du "
     "Lot.", "Saint-Céré",
     [("money_eur", "Saint-Céré"), ("percent", "Saint-Céré")]),
    # the country, for national figures; not a medium named after it
    ("Selon le ministère, la France comptait environ 90 000 caméras en 2021, contre 10 000 en 2010.", None,
     [("cameras", "France"), ("cameras", "France")]),
    ("Selon France Bleu, la ville compte 40 caméras.", "Dreux", [("cameras", "Dreux")]),
    # a small commune's name at the start of a longer name is not that commune
    ("La ville dispose de 58 caméras, dont 12 au Bois du Verne et 9 autour de la gare.", "Montceau-les-Mines",
     [("cameras", "Montceau-les-Mines"), ("cameras", "Montceau-les-Mines / Bois du Verne"),
      ("cameras", "Montceau-les-Mines / gare")]),
    # an intercommunalité's usual name drops its article as the text does
    ("La vidéoprotection est mutualisée : 210 caméras sont reliées au centre.", "Le Grand Narbonne",
     [("cameras", "Grand Narbonne")]),
])
def test_funders_the_country_longer_names_and_usual_names(text, hint, expected):
    assert [(f.metric, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the budget of what was just told
    ("Nous installerons 25 caméras supplémentaires. Le budget sera de 400 000 euros sur six ans.",
     [("cameras_planned", 25, "exact"), ("money_eur", 400000, "exact")]),
    ("Le budget de la police municipale est de 2 millions d'euros.", []),
    ("La vidéoprotection progresse. Les images ont permis d'élucider 150 affaires.", [("other", 150, "exact")]),
    ("La vidéoprotection gagne du terrain. La SNCF en exploite 60 000.", [("cameras", 60000, "exact")]),
    # a budget's lines: each amount is its own line's
    ("Vidéoprotection : extension du réseau ........ 180 000 €\nRénovation de l'école Paul-Bert ........ "
     "1 250 000 €\nÉclairage public LED ........ 410 000 €", [("money_eur", 180000, "exact")]),
])
def test_budgets_uses_of_footage_and_budget_lines(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # the items of a list hold for the date of the statement that introduces it
    ("Au 1er janvier 2024, le parc intercommunal compte 41 caméras :\n• Bressuire : 24 caméras\n"
     "• Cerizay : 9 caméras", None,
     [("cameras", 41, "exact", "2024-01-01"), ("cameras", 24, "exact", "2024-01-01"),
      ("cameras", 9, "exact", "2024-01-01")]),
    ("Le parc compte 41 caméras.\n• Bressuire : 24 caméras", None,
     [("cameras", 41, "exact", None), ("cameras", 24, "exact", None)]),
    # cameras taken down are not in service; those left are
    ("La maire a fait démonter cinq des 23 caméras. Il n'en reste donc que 18.", None,
     [("other", 5, "exact", None), ("cameras", 23, "exact", None), ("cameras", 18, "exact", None)]),
    # the cameras others come to reinforce are there already
    ("Six caméras nomades viendront renforcer les 35 caméras fixes de la station.", None,
     [("cameras_planned", 6, "exact", None), ("cameras", 35, "exact", None)]),
    # allowed by the prefecture: to come
    ("La commune a reçu l'accord de la préfecture pour implanter 7 caméras supplémentaires.", None,
     [("cameras_planned", 7, "exact", None)]),
    # a police force's headcount is not the video centre's staff
    ("La police municipale, qui compte 5 agents, pourra consulter les images depuis son poste.", None, []),
])
def test_list_intros_removals_reinforcements_and_headcounts(text, published, expected):
    assert facts(text, published=published) == expected


def test_a_population_range_of_an_aid_is_its_eligible_communes():
    text = "La Région finance l'installation de caméras dans les communes de 2 000 à 10 000 habitants."
    assert [(f.value, f.qualifier, f.place) for f in extract_text(text, place_hint="Provence-Alpes-Côte d'Azur")] == [
        (2000, "at_least", "communes éligibles"), (10000, "at_most", "communes éligibles")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a new paragraph goes on with its own matter: the whole project's cost is not dated by the plan before it
    ("La ville compte 8 caméras. D'ici la fin de l'année, douze autres doivent être installées.\n\nLe coût total du "
     "projet est estimé à 240 000 €.", "2022-03-16",
     [("cameras", 8, "exact", None), ("cameras_planned", 12, "exact", "2022-12"),
      ("money_eur", 240000, "exact", None)]),
    # a rule's threshold is of no date, even in the sentence that adopts it
    ("La Région a adopté le 27 octobre 2022 une aide à la vidéoprotection pour les communes de moins de 5 000 "
     "habitants.", None, [("population", 5000, "at_most", None)]),
    # what a budget holds is not a global budget
    ("La vidéoprotection des communes est aidée. Une première enveloppe de 800 000 euros est inscrite au budget 2023.",
     None, [("money_eur", 800000, "exact", "2023")]),
    ("La vidéoprotection progresse. L'enveloppe départementale plafonne aujourd'hui à 300 000 euros.", None,
     [("money_eur", 300000, "at_most", None)]),
    # the count a change comes to, and the one it starts from, named by the subject
    ("Les cambriolages sont passés de 96 à 71.", None,
     [("offences", 96, "exact", None), ("offences", 71, "exact", None)]),
    ("En 2022, 38 communes ont demandé une aide à la vidéoprotection, mais seules 14 ont obtenu une subvention.", None,
     [("other", 38, "exact", "2022"), ("other", 14, "exact", "2022")]),
])
def test_paragraphs_thresholds_budgets_and_changes(text, published, expected):
    assert facts(text, published=published) == expected


def test_staff_at_a_centre_named_before_are_its_places():
    text = ("Le centre de supervision de la Métropole européenne de Lille surveille 1 150 caméras, dont 480 à Lille. "
            "Quarante et un opérateurs s'y relaient jour et nuit.")
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Lille")] == [  # named as the text names it
        (1150, "Métropole européenne de Lille"), (480, "Lille"), (41, "Métropole européenne de Lille")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # who answered a poll is no population
    ("Selon un sondage réalisé auprès de 800 habitants, 72 % des personnes interrogées sont favorables à la "
     "vidéoprotection.", None, [("percent", 72, "exact", None)]),
    # what one agent watches is a ratio, not a count of cameras
    ("La ville compte 120 caméras. Un agent du CSU surveille en moyenne 30 caméras.", None,
     [("cameras", 120, "exact", None)]),
    ("La ville compte 14 caméras. Une bonne dizaine de caméras supplémentaires seront posées en début d'année "
     "prochaine.", "2024-06-05", [("cameras", 14, "exact", None), ("cameras_planned", 10, "approx", "2025")]),
    ("En 2023, les images ont été extraites à 412 reprises, contre 380 fois en 2022.", None,
     [("other", 412, "exact", "2023"), ("other", 380, "exact", "2022")]),
    # a project decided already is still to be carried out
    ("Seule la commune a déjà arrêté son projet : 12 caméras, pour 96 000 euros.", None,
     [("cameras_planned", 12, "exact", None), ("money_eur", 96000, "exact", None)]),
    # a pronoun stands for the communes counted, not for the percentage said last
    ("Dans le département, 47 des 277 communes disposent de caméras de vidéoprotection, soit 17 %. En 2015, elles "
     "n'étaient que 19.", None,
     [("other", 47, "exact", None), ("percent", 17, "exact", None), ("other", 19, "exact", "2015")]),
])
def test_polls_ratios_projects_and_pronouns(text, published, expected):
    assert facts(text, published=published) == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # a compound name is no common word, whatever the commune's size
    ("Seule Divonne-les-Bains a déjà installé 12 caméras.", None, [(12, "Divonne-les-Bains")]),
    # a page that opens on an intercommunal matter speaks for the intercommunalité; a région in a list
    # of who pays is not where the money goes
    ("Conseil communautaire : vidéoprotection intercommunale, phase 2.\n\nMontant des travaux : 1,2 M€ HT. "
     "Subventions : État 360 k€ ; Région Grand Est 150 k€.", "Saint-Dié-des-Vosges",
     [(1200000, "Communauté d'agglomération de Saint-Dié-des-Vosges"),
      (360000, "Communauté d'agglomération de Saint-Dié-des-Vosges"),
      (150000, "Communauté d'agglomération de Saint-Dié-des-Vosges")]),
    ("Montant des travaux de vidéoprotection : 1,2 M€ HT. Subventions : État 360 k€.", "Saint-Dié-des-Vosges",
     [(1200000, "Saint-Dié-des-Vosges"), (360000, "Saint-Dié-des-Vosges")]),
])
def test_compound_names_intercommunal_pages_and_funders(text, hint, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a deliberation decides: its tenseless counts are of what is to be done
    ("Délibération : vidéoprotection, phase 2.\n\nLa phase 2 concerne 45 caméras.", [("cameras_planned", 45, "exact")]),
    ("Vidéoprotection, phase 2.\n\nLa phase 2 concerne 45 caméras.", [("cameras", 45, "exact")]),
    ("Délibération : vidéoprotection.\n\nLa commune dispose de 40 caméras.", [("cameras", 40, "exact")]),
])
def test_a_deliberations_counts_are_of_what_it_decides(text, expected):
    assert triples(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a split by owner: sub-stocks of the commune, whoever owns them (guidelines 2.1 and 2.4)
    ("Sur les 65 caméras, 40 appartiennent à l'intercommunalité et 25 à la commune.",
     [("cameras", 65, "Dreux"), ("cameras", 40, "Dreux"), ("cameras", 25, "Dreux")]),
    # a per-year rate takes its tense's metric, both bounds of a range alike
    ("La ville installe 10 à 15 nouvelles caméras par an.", [("cameras_added", 10, "Dreux"),
                                                             ("cameras_added", 15, "Dreux")]),
    ("La ville installera 10 à 15 nouvelles caméras par an.", [("cameras_planned", 10, "Dreux"),
                                                               ("cameras_planned", 15, "Dreux")]),
])
def test_owners_and_yearly_rates(text, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint="Dreux")] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # jobs created at the centre, named the sentence before; not an operator's workstation
    ("Le centre de supervision emploie cinq opérateurs. Trois postes supplémentaires seront créés en 2020.", None,
     [("other", 5, None), ("other", 3, "2020")]),
    ("Au centre de supervision, 24 écrans seront remplacés et deux postes d'opérateurs ajoutés.", None, []),
    # what restates a done operation is done
    ("Le Département a aidé les communes à s'équiper de vidéoprotection. Nous avons accompagné 84 communes. Cela "
     "représente environ 1 100 caméras supplémentaires.", "Var",
     [("other", 84, None), ("cameras_added", 1100, None)]),
    # fines issued, whatever was fined
    ("Grâce aux caméras, une cinquantaine de dépôts sauvages ont été verbalisés.", None, [("offences", 50, None)]),
    # a whole that surveillance is only part of; a police budget's growth
    ("La sécurité en représente 3,1 millions, dont 420 000 euros pour l'extension de la vidéoprotection.", None,
     [("money_eur", 420000, None)]),
    ("La ville compte 74 caméras. Le budget de la police municipale progresse de 8 %.", None, [("cameras", 74, None)]),
])
def test_jobs_restatements_fines_and_wholes(text, hint, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, place_hint=hint)] == expected


def test_a_district_named_secteur_without_article():
    text = "La municipalité a installé en janvier quatre caméras dans le secteur Triage."
    (figure,) = extract_text(text, place_hint="Villeneuve-Saint-Georges", published="2023-03-02")
    assert (figure.metric, figure.place, figure.date) == ("cameras_added", "Villeneuve-Saint-Georges / Triage",
                                                          "2023-01")


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a share cannot exceed what it is part of: "dont 28" goes with the 64 cameras, not the 14 communes
    ("64 caméras couvrent désormais les 14 communes du territoire, dont 28 à Amboise.", None,
     [("cameras", 64, None), ("other", 14, None), ("cameras", 28, None)]),
    # "depuis cet été" is dated as "depuis janvier" is (guidelines 2.6)
    ("Une douzaine de caméras surveillent depuis cet été la ville haute.", "2021-10-05", [("cameras", 12, "2021")]),
    # a prefect's authorisation is for cameras to come
    ("La commune est autorisée à exploiter un système de vidéoprotection comportant 22 caméras.", None,
     [("cameras_planned", 22, None)]),
])
def test_shares_seasons_since_and_authorisations(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # another page's teaser and the subscription offer are not this page's figures; a headline restates
    # its text, even when the text names the district
    ("Sarlat : 20 nouvelles caméras pour l'été\n\nLa ville a installé 20 nouvelles caméras dans la cité médiévale. Le "
     "réseau compte désormais 58 caméras.\n\nLire aussi : Sarlat : 3 interpellations après une rixe\n\n"
     "Abonnez-vous à partir de 1 € le premier mois", "2022-06-02",
     [("cameras_added", 20, "Sarlat-la-Canéda / cité médiévale"), ("cameras", 58, "Sarlat-la-Canéda")]),
    ("Combien de caméras compte la ville aujourd'hui ?\nDix-huit, dont six installées l'an dernier.", "2023-05-10",
     [("cameras", 18, "Sarlat-la-Canéda"), ("cameras_added", 6, "Sarlat-la-Canéda")]),
    ("La vidéoprotection en chiffres\n\n16 caméras\n\n1 agent habilité au visionnage", None,
     [("cameras", 16, "Sarlat-la-Canéda"), ("other", 1, "Sarlat-la-Canéda")]),
])
def test_page_furniture_headlines_and_single_agents(text, published, expected):
    figures = extract_text(text, place_hint="Sarlat-la-Canéda", published=published)
    assert [(f.metric, f.value, f.place) for f in figures] == expected


def test_a_centre_that_serves_several_communes_is_the_intercommunalites():
    text = ("Le centre de supervision urbain reçoit les images des caméras d'Angers, mais aussi celles d'Avrillé et de "
            "Trélazé. Aujourd'hui, 12 opérateurs travaillent au CSU. La ville d'Angers compte 250 caméras.")
    figures = extract_text(text, place_hint="Angers")
    assert [(f.value, f.place) for f in figures] == [(12, "Angers Loire Métropole"), (250, "Angers")]


def test_a_centre_of_one_commune_stays_the_communes():
    text = "Le centre de supervision urbain reçoit les images des caméras d'Angers. 12 opérateurs travaillent au CSU."
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Angers")] == [(12, "Angers")]


@pytest.mark.parametrize(("text", "expected"), [
    # "au départ" is when the story the text tells started: the earliest year it named before
    ("Testées dès 2008, les caméras se sont répandues : la ville en compte 90 en 2020. Au départ, six caméras "
     "seulement étaient installées.", [("cameras", 90, "2020"), ("cameras", 6, "2008")]),
    ("À l'origine, 20 caméras avaient été posées.", [("cameras", 20, None)]),
])
def test_the_start_of_the_story(text, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a change between two years is the later one's
    ("La police a enregistré 900 infractions en 2023 contre 950 en 2022, soit une baisse de 5 %.",
     [("offences", 900, "2023"), ("offences", 950, "2022"), ("percent", 5, "2023")]),
    # a dateline's day is not one of the years compared
    ("15/01/2022 — Bilan 2021 : les caméras ont permis 86 interpellations (+12 %).",
     [("other", 86, "2021"), ("percent", 12, "2021")]),
])
def test_a_changes_year(text, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == expected


def test_a_count_placed_on_sites_of_its_own_does_not_inherit_the_district_before():
    text = ("Deux caméras seront installées dans la résidence Les Marsouins au Jas de Bouffan et trois seront placées "
            "par un bailleur sur ses résidences Les Mées au Jas de Bouffan et l'Étoile à Puyricard.")
    assert [f.place for f in extract_text(text, place_hint="Aix-en-Provence")] == [
        "Aix-en-Provence / Jas de Bouffan", "Aix-en-Provence"]


def test_a_subsidy_asked_of_a_region_is_the_projects():
    text = ("La ville a validé l'achat de 19 caméras. La Région Auvergne-Rhône-Alpes a été sollicitée à hauteur de "
            "30 000 €, son plafond.")
    assert [(f.metric, f.value, f.qualifier, f.place) for f in extract_text(text, place_hint="Oyonnax")] == [
        ("cameras_planned", 19, "exact", "Oyonnax"), ("money_eur", 30000, "at_most", "Oyonnax")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "soit" restates: the same time, the same kind; "qu'aujourd'hui" compares, it does not date
    ("D'ici 2027, la municipalité vise 40 caméras, soit 13 de plus qu'aujourd'hui.", None,
     [("cameras_planned", 40, "2027"), ("cameras_planned", 13, "2027")]),
    ("Le réseau de caméras en compte 97, soit douze fois plus.", None, [("cameras", 97, None)]),
    ("La ville a transmis l'an passé un millier d'extraits vidéo aux gendarmes.", "2023-02-20",
     [("other", 1000, "2022")]),
    ("2019-2020 : +15 caméras, portant le réseau à 32.", None,
     [("cameras_added", 15, "2020"), ("cameras", 32, "2020")]),
])
def test_restatements_extracts_and_networks(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


def test_a_budget_line_under_a_video_heading_keeps_its_share():
    text = "Le bilan de la vidéoprotection\n\nBudget cumulé depuis 2019 : 412 000 € TTC, dont 35 % de subventions."
    assert [(f.metric, f.value) for f in extract_text(text)] == [("money_eur", 412000), ("percent", 35)]


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # a place abroad that an article compares with is a place, kind other
    ("À Londres, on compte plus de 600 000 caméras.", None, [(600000, "Londres", "other")]),
    # a French commune of the same name, on a page of its département
    ("La commune de Suisse a installé 2 caméras.", "Faulquemont", [(2, "Suisse", "commune")]),
])
def test_places_abroad(text, hint, expected):
    assert [(f.value, f.place, f.place_kind) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a relative clause right after the count dates it: its target
    ("Le conseil a voté l'installation de quinze caméras supplémentaires, qui porteront le réseau à 45 caméras au "
     "printemps 2023.", "2022-11-26", [("cameras_planned", 15, "2023"), ("cameras_planned", 45, "2023")]),
    # an opening phrase about a person dates the person, not the count
    ("Élue en 2020 sur la promesse de revoir la vidéosurveillance, la maire a fait démonter cinq des 23 caméras.",
     "2021-05-05", [("other", 5, None), ("cameras", 23, None)]),
    ("Installées en 2019, les 12 caméras de la place ont été remplacées.", None, [("cameras", 12, "2019")]),
])
def test_relative_clauses_and_openings_about_people(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


CŒUR_DE_SAVOIE = "Communauté de communes Cœur de Savoie"  # a territory's name keeps its body's words


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # where there were none is no count; a merger's communes are no network's
    ("« On est passé de zéro à 80 caméras en six ans », dit le maire. Leur nombre a quadruplé depuis la fusion des "
     "trois communes en 2019.", "Les Sables-d'Olonne", [("cameras", 80, "Les Sables-d'Olonne")]),
    # installed this week: what was added
    ("La ville a installé cette semaine 6 caméras de lecture de plaques.", "Miramas",
     [("cameras_added", 6, "Miramas")]),
    # who pays, after "par la", is not where
    ("Vidéoprotection. Coût : 90 000 €, dont 50 % pris en charge par la Métropole Aix-Marseille-Provence.", "Miramas",
     [("money_eur", 90000, "Miramas"), ("percent", 50, "Miramas")]),
    # communes named together count together for their intercommunalité, by its full name
    ("Montmélian, Saint-Pierre-d'Albigny et La Rochette totalisent 45 caméras. La communauté de communes Cœur de "
     "Savoie a financé 40 % des 310 000 euros d'investissement.", "Cœur de Savoie",
     [("cameras", 45, CŒUR_DE_SAVOIE), ("percent", 40, CŒUR_DE_SAVOIE), ("money_eur", 310000, CŒUR_DE_SAVOIE)]),
])
def test_from_nothing_mergers_funders_and_communes_together(text, hint, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "place"), [
    # a usual name that only names a territory is the body's full name (GUIDELINES 2.4: "their full name")
    ("Les images de 250 caméras de Val Parisis arrivent au centre.",
     "Communauté d'agglomération Val Parisis"),
    ("Le réseau de Roissy Pays de France est au complet avec 169 caméras.",
     "Communauté d'agglomération Roissy Pays de France"),
    # one that says it is a body goes by itself
    ("Les 1 300 caméras de Nîmes Métropole sont reliées au centre.", "Nîmes Métropole"),
])
def test_an_intercommunalite_by_its_full_name(text, place):
    assert [f.place for f in extract_text(text) if f.metric == "cameras"] == [place]


def test_a_period_since_an_installation_started():
    text = "Depuis sa mise en place en 2021, la vidéoverbalisation a permis de dresser 1 850 procès-verbaux."
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == [("offences", 1850, None)]


def test_cameras_used_for_the_purpose_the_sentence_before_tells():
    text = ("La vidéoverbalisation a permis de dresser 1 850 procès-verbaux. Les 5 caméras utilisées à cet effet font "
            "partie des 37 caméras du réseau municipal.")
    assert [(f.metric, f.value) for f in extract_text(text)] == [("offences", 1850), ("other", 5), ("cameras", 37)]


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # a day written with slashes is a day
    ("La ville compte 92 caméras, contre 54 au 31/12/2020.", "Fort-de-France",
     [(92, None, "Fort-de-France"), (54, "2020-12-31", "Fort-de-France")]),
    # what a territorial collectivity contributes is the project's place's
    ("La Collectivité territoriale de Martinique a apporté 300 000 € sur les 1,2 M€ investis dans la "
     "vidéoprotection.", "Fort-de-France",
     [(300000, None, "Fort-de-France"), (1200000, None, "Fort-de-France")]),
    # a page of no place that speaks for the country
    ("Selon le ministère de l'Intérieur, le FIPD a financé en 2023 l'installation de 1 200 caméras.", None,
     [(1200, "2023", "France")]),
    ("Dans le Gers, 36 communes ont installé des caméras. Auch en compte à elle seule 48, Condom 12 et Fleurance 9.",
     "Gers", [(36, None, "Gers"), (48, None, "Auch"), (12, None, "Condom"), (9, None, "Fleurance")]),
])
def test_numeric_days_contributions_the_country_and_named_lists(text, hint, expected):
    assert [(f.value, f.date, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "depuis le 1er janvier" is dated as "depuis janvier"; "en fin d'année" is this year's December
    ("Depuis le 1er janvier, l'agglomération gère les 118 caméras de ses communes.", "2024-02-12",
     [("cameras", 118, "2024")]),
    ("Huit caméras seront installées à la rentrée, puis cinq autres en fin d'année.", "2024-04-03",
     [("cameras_planned", 8, None), ("cameras_planned", 5, "2024-12")]),
    # a year right after a number is its own; counts of communes change as counts of cameras do
    ("Le nombre de caméras est passé de 30 en 2014 à 130 en 2022.", None,
     [("cameras", 30, "2014"), ("cameras", 130, "2022")]),
    ("Le nombre de communes équipées de caméras est passé de 45 en 2015 à 112 en 2023.", None,
     [("other", 45, "2015"), ("other", 112, "2023")]),
    # the year right after a count is its own though "aujourd'hui" dates the count compared with it
    ("La ville disposait de 45 caméras en 2015 contre 88 aujourd'hui.", None,
     [("cameras", 45, "2015"), ("cameras", 88, None)]),
    ("Aujourd'hui, la ville compte 45 caméras.", "2024-02-12", [("cameras", 45, None)]),
    # a deadline set apart after the count's noun phrase dates it
    ("Le conseil a voté le déploiement de 500 nouvelles caméras de vidéoprotection, à l'horizon 2026 (voir notre "
     "article).", None, [("cameras_planned", 500, "2026")]),
    # a word or two describing the count stand between it and its own date, which beats the decision's
    ("Le conseil a voté en décembre 2023 l'installation de 6 caméras supplémentaires en 2024 autour du port.",
     None, [("cameras_planned", 6, "2024")]),
    # a share says whose it is, however far its whole
    ("Plus de 1 000 caméras de vidéoprotection sont en service sur la voie publique du département, dont 300 à "
     "Rennes.", None, [("cameras", 1000, None), ("cameras", 300, None)]),
])
def test_since_a_day_year_ends_changes_and_far_shares(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "hint", "published", "expected"), [
    # the conditional is no stock; a centre ancien the cameras would cover is their district
    ("Selon le cabinet, une vingtaine de caméras suffiraient à couvrir le centre ancien.", "Apt", None,
     [("cameras_planned", 20, None, "Apt / centre ancien")]),
    # installed during the summer: what was added, that summer
    ("La ville a équipé ses écoles : 27 caméras au total, installées pendant l'été pour 54 000 euros.",
     "Saint-Amand-les-Eaux", "2023-09-05",
     [("cameras_added", 27, "2023", "Saint-Amand-les-Eaux"), ("money_eur", 54000, "2023", "Saint-Amand-les-Eaux")]),
    ("Combien de caméras compte la ville ?\nDix-huit, dont six installées l'an dernier.", "Apt", "2023-05-10",
     [("cameras", 18, None, "Apt"), ("cameras_added", 6, "2022", "Apt")]),
])
def test_conditionals_summers_and_participles(text, hint, published, expected):
    figures = extract_text(text, place_hint=hint, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "hint", "published", "expected"), [
    # "d'entre elles" stands for what was counted last: communes here, cameras when cameras were counted
    ("Les 18 communes du syndicat pourront relier leurs caméras au centre. Cinq d'entre elles l'ont déjà fait.",
     None, None, [("other", 18, None, None), ("other", 5, None, None)]),
    ("La ville compte 64 caméras. Huit d'entre elles filment les abords des écoles.", "Apt", None,
     [("cameras", 64, None, "Apt"), ("cameras", 8, None, "Apt")]),
    # the word nearest before the count decides: cameras renewed are other (the real corpus's gold reads "le
    # remplacement de N caméras" so), cameras added are to come
    ("Le budget voté financera le remplacement de 12 caméras usées et l'ajout de 4 caméras.", "Apt", None,
     [("other", 12, None, "Apt"), ("cameras_planned", 4, None, "Apt")]),
    # "depuis le début de l'année" counts from January of the page's year
    ("Depuis le début de l'année, les images des caméras ont servi à 41 interpellations.", "Apt", "2023-06-02",
     [("other", 41, "2023", "Apt")]),
    # "aux Tilleuls": a named place after "aux" is a district of the commune
    ("Dix caméras supplémentaires seront posées aux Tilleuls.", "Apt", None,
     [("cameras_planned", 10, None, "Apt / Tilleuls")]),
])
def test_partitives_replacements_the_year_so_far_and_districts_after_aux(text, hint, published, expected):
    figures = extract_text(text, place_hint=hint, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a proportion is no count; its whole is counted elsewhere
    ("La ville compte 40 caméras. Trois caméras sur quatre sont placées près des écoles.", None,
     [("cameras", 40, None)]),
    # what an addition brings the network to is a stock, dated like the addition
    ("La commune a posé 6 nouvelles caméras en mars 2023, ce qui porte le parc à 31.", None,
     [("cameras_added", 6, "2023-03"), ("cameras", 31, "2023-03")]),
    # a relative clause saying when planned cameras will be up dates them, not the vote before
    ("Le conseil a voté en novembre un budget de 300 000 € pour 25 caméras, qui seront installées d'ici l'été.",
     "2024-01-10", [("money_eur", 300000, "2023-11"), ("cameras_planned", 25, "2024")]),
    # cameras to be replaced are there, even when an apposition parts them from their verb
    ("Les 18 caméras du centre, posées en 2009, seront remplacées l'an prochain.", "2022-03-01",
     [("cameras", 18, None)]),
])
def test_proportions_totals_reached_relatives_to_come_and_replacements(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "hint", "published", "expected"), [
    # a call for tenders buys cameras that are not there yet
    ("Appel d'offres\nLot unique : fourniture et pose de 9 caméras de vidéoprotection", "Apt", None,
     [("cameras_planned", 9, None, "Apt")]),
    # "on en a 60": a stock in speech; what was bought within a period was added
    ("« Des caméras ? On en a 60, et on en aura 75 en 2027. Nous en avons acheté six l'an dernier. »", "Apt",
     "2024-02-01", [("cameras", 60, None, "Apt"), ("cameras_planned", 75, "2027", "Apt"),
                    ("cameras_added", 6, "2023", "Apt")]),
    # a ranking: "devant Menton (385)" is Menton's figure
    ("Cannes arrive en tête avec 410 caméras pour 100 000 habitants, devant Beausoleil (385).", None, None,
     [("cameras_per_100k", 410, None, "Cannes"), ("cameras_per_100k", 385, None, "Beausoleil")]),
    # lines of years under an intro that names what they count; "en concentre": the count of its subject
    ("Nombre de caméras :\n2016 : 5\n2020 : 14\n\nLe centre historique en concentre 6.", "Apt", None,
     [("cameras", 5, "2016", "Apt"), ("cameras", 14, "2020", "Apt"), ("cameras", 6, None, "Apt / centre historique")]),
    # "y ont été posées": in the district the sentence before named; "début mars": that month
    ("Les riverains du quartier des Lilas se plaignaient. Trois caméras y ont été posées début mars.", "Apt",
     "2023-04-10", [("cameras_added", 3, "2023-03", "Apt / Lilas")]),
])
def test_tenders_speech_rankings_year_lines_and_there(text, hint, published, expected):
    figures = extract_text(text, place_hint=hint, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "contre 40 il y a cinq ans": the same count, five years before the page
    ("Dans le département, 90 communes sont équipées de caméras, contre 40 il y a cinq ans.", "2023-06-01",
     [("other", 90, None), ("other", 40, "2018")]),
    # "la centaine de caméras" is about a hundred; "dans la quinzaine" counts nothing
    ("La ville dispose de la centaine de caméras. Le bilan sera publié dans la quinzaine.", None,
     [("cameras", 100, None)]),
    # "un an plus tôt": the year before the page's
    ("La ville compte 48 caméras. Il y en avait 40 un an plus tôt.", "2024-03-01",
     [("cameras", 48, None), ("cameras", 40, "2023")]),
    # a title asked as a question restates the text's plan: one figure, the text's
    ("Trente caméras pour le centre ?\n\nLa ville installera trente caméras dans le centre d'ici 2026.", None,
     [("cameras_planned", 30, "2026")]),
])
def test_years_ago_la_centaine_a_year_before_and_question_titles(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a tax rate on a page that speaks of cameras is no surveillance figure; "hors taxes" is no tax
    ("La ville compte 20 caméras. Le taux de la taxe foncière reste fixé à 41,2 %.", None, [("cameras", 20, None)]),
    ("L'aide couvre 30 % du montant hors taxes des caméras.", None, [("percent", 30, None)]),
    # hunting cameras watch no public space; roundabouts equipped are sites
    ("Les chasseurs ont posé une dizaine de caméras de chasse. La ville, elle, compte 19 caméras.", None,
     [("cameras", 19, None)]),
    ("La commune a équipé ses 7 ronds-points de caméras de vidéoprotection.", None, [("other", 7, None)]),
    # list items: "mises en service en mars" dates its count; "prévues à l'automne" is the autumn to come;
    # "d'ici 2023" is the next count's, not the stock's before it
    ("Vidéoprotection :\n• Apt : 12 caméras, mises en service en mars\n• Gordes : 8 caméras prévues à "
     "l'automne\n• Roussillon : 35 caméras, 10 de plus d'ici 2023", "2021-05-18",
     [("cameras", 12, "2021-03"), ("cameras_planned", 8, "2021"), ("cameras", 35, None),
      ("cameras_planned", 10, "2023")]),
])
def test_tax_rates_hunting_cameras_sites_and_list_items(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # cameras allowed now are not up yet, whatever "désormais" says
    ("Selon la préfecture, 640 caméras sont désormais autorisées dans le département.", None,
     [("cameras_planned", 640, None)]),
    # a network named in passing keeps no date of the sentence's other statement…
    ("En 2021, les enregistrements des 52 caméras de la commune ont permis 31 interpellations.", None,
     [("cameras", 52, None), ("other", 31, "2021")]),
    ("Les vols ont baissé de 9 % en 2022 dans les rues couvertes par les 40 caméras du centre.", None,
     [("percent", 9, "2022"), ("cameras", 40, None)]),
    # …but one the date follows is dated
    ("Le parc des 30 caméras en 2019 a doublé depuis.", None, [("cameras", 30, "2019")]),
])
def test_authorised_cameras_and_networks_named_in_passing(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # a breakdown after a colon: each share continues the count before it
    ("La commune compte 70 caméras : les 50 du centre et 20 réparties dans les hameaux.", "Apt",
     [("cameras", 70, "Apt"), ("cameras", 50, "Apt"), ("cameras", 20, "Apt")]),
    ("Le réseau compte 130 caméras : les 90 de Carpentras et 40 réparties dans six autres communes.",
     "Communauté d'agglomération Ventoux-Comtat-Venaissin",
     [("cameras", 130, "Communauté d'agglomération Ventoux-Comtat-Venaissin"), ("cameras", 90, "Carpentras"),
      ("cameras", 40, "Communauté d'agglomération Ventoux-Comtat-Venaissin"),
      ("other", 6, "Communauté d'agglomération Ventoux-Comtat-Venaissin")]),
    # "viennent d'être installées … portant à 31 le nombre de caméras": added to reach the stock
    ("Quatre caméras viennent d'être installées au marché, portant à 31 le nombre de caméras de la ville.", "Apt",
     [("cameras_added", 4, "Apt"), ("cameras", 31, "Apt")]),
    # the passive alone tells a first network as often as an addition: the cameras there; "vient d'acquérir" adds
    ("La police les réclamait : 6 caméras de vidéosurveillance viennent d'être posées en centre-ville.", "Apt",
     [("cameras", 6, "Apt")]),
    ("La ville vient d'acquérir 4 caméras nomades.", "Apt", [("cameras_added", 4, "Apt")]),
    # "y seront affectés": staff of the centre the sentence before names
    ("Le centre de supervision ouvrira en 2025. Six agents y seront affectés.", "Apt",
     [("other", 6, "Apt")]),
])
def test_breakdowns_after_a_colon_just_installed_and_staff_assigned_there(text, hint, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # "jusqu'en 2026" ends a period ("qu'en 2019" compares, "jusqu'en" does not)
    ("Une enveloppe de 20 000 € est réservée à l'entretien des caméras jusqu'en 2026.", "2022-01-25",
     [("money_eur", 20000, "2026")]),
    # a population is undated by the plan its sentence dates
    ("La commune de 9 000 habitants va installer 16 caméras d'ici la fin de l'année.", "2021-06-30",
     [("population", 9000, None), ("cameras_planned", 16, "2021-12")]),
    ("Aubagne comptait 47 000 habitants en 2019 et 60 caméras.", None,
     [("population", 47000, "2019"), ("cameras", 60, "2019")]),
])
def test_until_a_year_and_undated_populations(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # the commune that has the cameras, whatever centre they are linked to
    ("Considérant que la commune dispose de 29 caméras reliées au centre de supervision intercommunal,",
     "Apt", [("cameras", 29, "Apt")]),
    # "le plan" the sentence before told of cameras is no global security plan
    ("La ville a présenté son plan pluriannuel : 12 caméras par an. Le plan est chiffré à 900 000 euros.", "Apt",
     [("cameras_planned", 12, "Apt"), ("money_eur", 900000, "Apt")]),
    ("La ville a présenté son plan de sécurité. Le plan est chiffré à 900 000 euros.", "Apt", []),
])
def test_the_commune_having_cameras_and_a_plan_of_cameras(text, hint, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "hint", "published", "expected"), [
    # a programme's lines: done, in progress, to come after the page's date
    ("Phase 1 (2019) : 12 caméras au centre, réalisée.\nPhase 2 (2021) : 9 caméras aux écoles, en cours.\n"
     "Phase 3 (2023) : 6 caméras au stade.", "Apt", "2021-04-01",
     [("cameras_added", 12, "2019", "Apt"), ("cameras_planned", 9, "2021", "Apt"),
      ("cameras_planned", 6, "2023", "Apt")]),
    # an industrial zone named as the subject is the district its cameras are in
    ("La zone industrielle des Paluds sera équipée de 30 caméras d'ici 2025.", "Aubagne", "2023-01-01",
     [("cameras_planned", 30, "2025", "Aubagne / Paluds")]),
    # "il en faudrait au moins 15": cameras wanted, not there
    ("La commune n'a pas de caméra. Le maire estime qu'il en faudrait au moins 15.", "Apt", None,
     [("cameras_planned", 15, None, "Apt")]),
])
def test_programme_lines_zones_and_cameras_wanted(text, hint, published, expected):
    figures = extract_text(text, place_hint=hint, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # items parted by semicolons, each named: each its own count
    ("À Arles, 90 caméras ; à Tarascon, 40 ; à Beaucaire, 35. Ces trois villes en totalisent 165.", None,
     [("cameras", 90, None, "Arles"), ("cameras", 40, None, "Tarascon"), ("cameras", 35, None, "Beaucaire (Gard)"),
      ("cameras", 165, None, None)]),
    # "l'année suivante": the year after the one the text named last
    ("Les douze premières caméras ont été posées en 2016. L'année suivante, huit autres les ont rejointes.", None,
     [("cameras", 12, "2016", None), ("cameras_added", 8, "2017", None)]),
])
def test_semicolon_lists_and_the_year_after(text, published, expected):
    figures = extract_text(text, published=published, place_hint=None)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # cameras there now, to be watched from elsewhere: a stock, of no date but the page's
    ("À partir du 1er mars 2024, les 22 caméras de la commune seront visionnées depuis le centre de supervision.",
     None, [("cameras", 22, None)]),
    # "aux 15 existantes" is the 15's: the 9 to add are a plan
    ("L'ancienne équipe avait prévu d'ajouter 9 caméras aux 15 existantes.", None,
     [("cameras_planned", 9, None), ("cameras", 15, None)]),
    # a person's election date is no date of the amount
    ("Le nouveau maire, élu en juin, a suspendu le marché de vidéoprotection, d'un montant de 95 000 euros.",
     "2020-07-07", [("money_eur", 95000, None)]),
    # in a list of priced items, "et" parts two items
    ("Projets : la place du Marché (640 000 €), la vidéoprotection (150 000 €) et un city-stade (90 000 €).",
     None, [("money_eur", 150000, None)]),
])
def test_cameras_watched_from_elsewhere_existing_ones_elections_and_priced_items(text, published, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text, published=published)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # cameras to be moved exist already; cameras "raccordées à terme", without an article, are to come
    ("Trois caméras nomades seront déplacées au gré des marchés.", [("cameras", 3)]),
    ("À terme, une quarantaine de caméras y seront raccordées.", [("cameras_planned", 40)]),
])
def test_cameras_moved_exist_and_cameras_to_connect_are_to_come(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "source_url", "expected"), [
    # a page given no place: its title's, when the title opens on it…
    ("Beausoleil : la vidéoprotection\n\nLe dispositif compte 12 caméras.", None, [(12, "Beausoleil")]),
    # …or its town hall's domain; a title that only mentions a place speaks for none
    ("Le dispositif compte 12 caméras.", "https://www.villedebeausoleil.fr/securite", [(12, "Beausoleil")]),
    ("Vidéoprotection : le point à Lyon et Paris\n\nLe dispositif compte 12 caméras.", None, [(12, None)]),
])
def test_a_page_given_no_place_takes_its_title_or_its_domain(text, source_url, expected):
    assert [(f.value, f.place) for f in extract_text(text, source_url=source_url)] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    # "réparties sur 57 sites": where the cameras are, not a whole they are counted against
    ("Le dispositif compte 112 caméras réparties sur 57 sites.", "Apt",
     [("cameras", 112, "Apt"), ("other", 57, "Apt")]),
    # "passe ainsi de 35 à 55 caméras": a change, not a range
    ("Le parc passe ainsi de 35 à 55 caméras.", "Apt", [("cameras", 35, "Apt"), ("cameras", 55, "Apt")]),
    # a year between a count and its district does not end the count's words; a campus is a district
    ("La commune installera 8 caméras en 2025 dans le quartier du Bois de Grâce.", "Apt",
     [("cameras_planned", 8, "Apt / Bois de Grâce")]),
    ("L'université a équipé le campus Descartes de 60 caméras.", "Apt", [("cameras", 60, "Apt / Descartes")]),
])
def test_sites_changes_districts_after_a_year_and_campuses(text, hint, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # interventions the centre's operators set off are uses of the system
    ("En 2022, les opérateurs du centre de supervision ont déclenché 870 interventions. Près de 12 % d'entre "
     "elles concernaient des atteintes aux personnes.", [("other", 870, "2022"), ("percent", 12, "2022")]),
    # "dont 250 relèvent de…": a share by whom it depends on
    ("La métropole recense 1 200 caméras, dont 250 relèvent de la métropole elle-même.",
     [("cameras", 1200, None), ("cameras", 250, None)]),
])
def test_interventions_shares_of_them_and_shares_by_owner(text, expected):
    assert [(f.metric, f.value, f.date) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "respectivement": one count a place, in the order they were named; never a range
    ("Dreux et Vernouillet comptent respectivement 64 et 15 caméras.",
     [("cameras", 64, "exact", "Dreux"), ("cameras", 15, "exact", "Vernouillet (Eure-et-Loir)")]),
    ("Dreux compte 64 caméras. Les communes de Vernouillet et Luray en comptent respectivement 20 et 14.",
     [("cameras", 64, "exact", "Dreux"), ("cameras", 20, "exact", "Vernouillet (Eure-et-Loir)"),
      ("cameras", 14, "exact", "Luray")]),
    # "soit 3 de plus qu'en 2021": what was added since, beside the stock
    ("À Vernouillet, la ville compte désormais 27 caméras, soit 3 de plus qu'en 2021.",
     [("cameras", 27, "exact", "Vernouillet (Eure-et-Loir)"),
      ("cameras_added", 3, "exact", "Vernouillet (Eure-et-Loir)")]),
    # "Trois autres caméras" of no time: others of the cameras there, no plan
    ("À Vernouillet, la ville est équipée de 13 caméras. Trois autres caméras, des dômes, balaient la place.",
     [("cameras", 13, "exact", "Vernouillet (Eure-et-Loir)"), ("cameras", 3, "exact", "Vernouillet (Eure-et-Loir)")]),
    # "huit autres": the rest of a split of the cameras there, no more than before
    ("À Vernouillet, onze caméras surveillent le centre : trois sont fixes, huit autres de type dôme.",
     [("cameras", 11, "exact", "Vernouillet (Eure-et-Loir)"), ("cameras", 3, "exact", "Vernouillet (Eure-et-Loir)"),
      ("cameras", 8, "exact", "Vernouillet (Eure-et-Loir)")]),
])
def test_respectively_and_more_than_before(text, expected):
    assert [(f.metric, f.value, f.qualifier, f.place) for f in extract_text(text)] == expected


def test_a_where_clause_holds_now_whatever_the_apposition_before_it_dated():
    figures = extract_text("Le centre de supervision, ouvert en 2018, où travaillent 5 opérateurs, surveille la ville.")
    assert [(f.value, f.date) for f in figures] == [(5, None)]


@pytest.mark.parametrize(("text", "hint", "published", "expected"), [
    # a district named in the same sentence, before "y ont été installées"
    ("C'est au tour de la cité Gagarine d'être équipée : 7 caméras y ont été installées en mai.", "Apt",
     "2023-06-01", [("cameras_added", 7, "2023-05", "Apt / Gagarine")]),
    # a year's review: "supplémentaires" in a year before the page's are added, not planned; money spent on
    # schools is not surveillance money
    ("Le maire a dressé le bilan de 2023 : 3 millions d'euros investis dans les écoles et 10 caméras "
     "supplémentaires.", "Apt", "2024-01-09", [("cameras_added", 10, "2023", "Apt")]),
    # who answered a consultation is no population
    ("Sur les caméras, 900 habitants ont répondu à la consultation ; 61 % y sont favorables.", "Apt", None,
     [("percent", 61, None, "Apt")]),
])
def test_districts_named_before_there_reviews_spending_and_consultations(text, hint, published, expected):
    figures = extract_text(text, place_hint=hint, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "published", "expected"), [
    # a small commune named as a verb's subject is a place; an amount "par caméra" is a unit price, of no date
    ("La chambre relève que Mallemort a consacré 1,1 million d'euros à la vidéoprotection entre 2015 et 2020, "
     "soit 26 000 euros par caméra.", None,
     [("money_eur", 1100000, "2020", "Mallemort"), ("money_eur", 26000, None, "Mallemort")]),
    # a prefect's authorisation: its counts are of cameras to come
    ("Arrêté préfectoral portant autorisation d'un système de vidéoprotection\n\nNombre de caméras : 14", None,
     [("cameras_planned", 14, None, None)]),
])
def test_subjects_unit_prices_after_the_amount_and_authorisations(text, published, expected):
    figures = extract_text(text, published=published)
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the station's car park as the subject, an apposition with its own number aside
    ("Le parking de la gare, où stationnent 200 voitures, sera équipé de 4 caméras.", [(4, "Apt / gare")]),
    ("La gare sera équipée de 6 caméras.", [(6, "Apt / gare")]),
])
def test_the_station_as_subject(text, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Apt")] == expected


def test_cameras_added_on_that_occasion_take_its_date():
    text = ("Les 20 caméras analogiques ont été remplacées cet automne. Six caméras nouvelles ont été ajoutées à "
            "cette occasion.")
    figures = extract_text(text, published="2021-12-07")
    assert [(f.metric, f.value, f.date) for f in figures][1:] == [("cameras_added", 6, "2021")]


def test_a_second_verb_with_its_pronoun_is_a_clause_of_its_own():
    figures = extract_text("Apt a 54 caméras. Gordes en compte 30 et en prévoit 10 de plus cette année.",
                           published="2022-04-12")
    assert [(f.metric, f.value, f.date) for f in figures][1:] == [("cameras", 30, None),
                                                                  ("cameras_planned", 10, "2022")]


@pytest.mark.parametrize(("text", "expected"), [
    # money for works on something else, in a budget that also pays for cameras
    ("Investissement : 85 000 € pour l'extension de la vidéoprotection et 400 000 € pour la rénovation du gymnase.",
     [("money_eur", 85000)]),
    # cameras torn off and stolen are no longer watching: counted as other
    ("Trois caméras ont été arrachées et volées cette nuit. Il reste 21 caméras en service.",
     [("other", 3), ("cameras", 21)]),
])
def test_works_on_something_else_and_stolen_cameras(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "L'objectif est de …": a target, however the article is glued to it
    ("L'objectif est de 200 caméras.", [("cameras_planned", 200, None)]),  # no place: the text names none
    # an amount granted "à la commune d'Ytrac" is Ytrac's
    ("Le conseil attribue 9 500 € à la commune d'Ytrac pour l'installation de 3 caméras.",
     [("money_eur", 9500, "Ytrac"), ("cameras_planned", 3, "Ytrac")]),
])
def test_targets_and_amounts_granted_to_a_named_commune(text, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text)] == expected


def test_counts_coordinated_by_et_share_the_date_said_after_the_second():
    text = "Neuf caméras seront posées à Saint-Marc et six dans le quartier de la gare d'ici la fin de l'année 2023."
    figures = extract_text(text, place_hint="Romorantin-Lanthenay", published="2023-04-12")
    assert [(f.value, f.place, f.date) for f in figures] == [
        (9, "Romorantin-Lanthenay / Saint-Marc", "2023-12"), (6, "Romorantin-Lanthenay / gare", "2023-12")]


def test_an_own_time_unresolved_is_not_replaced_by_the_next_counts_date():
    text = "Il y aura 108 caméras en mai, puis 180 d'ici à la fin de l'été et 360 début 2013."
    figures = extract_text(text, place_hint="Marseille")  # no year for "mai" nor "l'été"
    assert [(f.value, f.date) for f in figures] == [(108, None), (180, None), (360, "2013")]


def test_a_length_of_time_after_a_bare_number_is_no_count():
    text = "La ville dispose de 41 caméras ; elle aura ainsi doublé son parc en six ans."
    assert [f.value for f in extract_text(text, place_hint="Flers")] == [41]


def test_cameras_put_up_since_a_month_were_added_then():
    text = ("Jusqu'ici, le quartier du Vert-Bois ne comptait qu'une caméra. Depuis la fin janvier, 11 caméras y ont "
            "été mises en service.")
    figures = extract_text(text, place_hint="Flers", published="2021-02-02")
    assert [(f.metric, f.value, f.place, f.date) for f in figures] == [
        ("cameras_added", 11, "Flers (Orne) / Vert-Bois", "2021")]


def test_cameras_put_there_take_the_landmark_the_sentence_before_spoke_of():
    text = "Le port sera équipé de caméras. Sept caméras y seront installées au premier trimestre 2023."
    figures = extract_text(text, place_hint="Fécamp", published="2022-11-08")
    assert [(f.value, f.place, f.date) for f in figures] == [(7, "Fécamp / port", "2023")]


@pytest.mark.parametrize(("heading", "expected"), [
    ("Bilan 2022", ["2022", "2022"]),
    ("L'année 2023 en chiffres", ["2023", "2023"]),
    ("Séance du 12 mars 2024", [None, None]),  # a meeting's date is no period the counts hold for
])
def test_a_section_headed_by_a_period_holds_for_its_year(heading, expected):
    text = f"Aide aux communes\n\n{heading}\n\n14 communes aidées, pour 61 caméras financées."
    figures = extract_text(text, place_hint="Orne", place_kind="departement")
    assert [f.date for f in figures] == expected


def test_complaints_are_counted_as_offences():
    figures = extract_text("« Nous avons eu 23 plaintes pour vol en un an », rappelle l'adjoint.", place_hint="Fécamp")
    assert [(f.metric, f.value) for f in figures] == [("offences", 23)]


def test_a_stock_that_results_from_an_operation_takes_its_date():
    text = "Vingt caméras ont été posées cet été. Le parc passe ainsi de 35 à 55 caméras."
    figures = extract_text(text, place_hint="Loudun", published="2023-09-12")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras_added", 20, "2023"), ("cameras", 35, None), ("cameras", 55, "2023")]


@pytest.mark.parametrize(("text", "expected"), [
    # "Vire" is the commune nouvelle's former commune, not Viré in Saône-et-Loire; "les 5 de Roullours"
    # goes on with the list
    ("Depuis la fusion, les 24 caméras de Vire et les 5 de Roullours seront reliées au même serveur.",
     [(24, "Vire Normandie / Vire"), (5, "Vire Normandie / Roullours")]),
    # the same names on a page that says nothing of a merger: the commune's own
    ("Les 24 caméras de Vire seront reliées au serveur.", [(24, "Vire Normandie")]),
])
def test_a_commune_nouvelles_former_communes_are_its_localities(text, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Vire Normandie")] == expected


def test_a_centre_that_pilots_cameras_counts_them():
    text = "Mis en service en janvier 2010 avec 6 caméras, le centre en pilote aujourd'hui 29."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Bernay")] == [("cameras", 6), ("cameras", 29)]


def test_the_system_as_it_stands_is_a_stock_beside_what_will_complete_it():
    text = ("La commune souhaite compléter son dispositif, composé de 17 caméras, par 8 caméras supplémentaires aux "
            "abords de la gare.")
    figures = extract_text(text, place_hint="Lamballe-Armor")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 17), ("cameras_planned", 8)]


def test_devices_of_body_worn_cameras_are_other():
    text = ("Depuis juin 2021, les policiers municipaux portent une caméra-piéton. Les 6 appareils ont coûté "
            "5 400 euros.")
    figures = extract_text(text, place_hint="Louviers")
    assert [(f.metric, f.value) for f in figures] == [("other", 6), ("money_eur", 5400)]


def test_one_per_inhabitants_after_a_pronoun_is_a_density():
    text = ("Avec une caméra pour 240 habitants, Honfleur fait figure de bonne élève. Deauville, de son côté, en "
            "compte 1 pour 95 habitants.")
    figures = extract_text(text, place_hint="Honfleur")
    assert [(f.metric, f.value, f.place) for f in figures] == [
        ("cameras_per_100k", 416.67, "Honfleur"), ("cameras_per_100k", 1052.63, "Deauville")]


def test_a_district_named_with_its_article_after_sur():
    figures = extract_text("La ville a 32 caméras. Le maire veut en ajouter 4 sur le Vieux-Bassin l'an prochain.",
                           place_hint="Honfleur", published="2023-07-04")
    assert [(f.value, f.place, f.date) for f in figures] == [(32, "Honfleur", None),
                                                            (4, "Honfleur / Vieux-Bassin", "2024")]


def test_a_shared_service_is_the_intercommunalites_and_so_are_its_staff_and_costs():
    text = ("Granville Terre et Mer mutualise sa vidéoprotection\n\nLa communauté de communes a approuvé la création "
            "d'un service commun de vidéoprotection. Le service emploiera 3 agents à temps plein. Sa charge, estimée "
            "à 180 000 € par an, sera répartie entre les communes adhérentes.")
    figures = extract_text(text, place_hint="Granville")
    assert [(f.metric, f.value, f.place_kind) for f in figures] == [
        ("other", 3, "intercommunalite"), ("money_eur", 180000, "intercommunalite")]


def test_a_table_whose_columns_are_years():
    text = ("Nombre de caméras\n\n2021\n\n2022\n\nVoie publique\n\n34\n\n41\n\nBâtiments communaux\n\n12\n\n14\n\n"
            "Réquisitions d'images\n\n96\n\n131")
    figures = extract_text(text, place_hint="Avranches")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras", 34, "2021"), ("cameras", 41, "2022"), ("cameras", 12, "2021"), ("cameras", 14, "2022"),
        ("other", 96, "2021"), ("other", 131, "2022")]


def test_a_second_verb_in_the_imperfect_is_a_clause_of_its_own():
    text = "En 2019, la commune comptait 23 caméras de vidéoprotection et en prévoyait 10 de plus."
    figures = extract_text(text, place_hint="Les Andelys")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras", 23, "2019"),
                                                              ("cameras_planned", 10, "2019")]


def test_an_elected_persons_date_without_its_accent_and_what_a_town_keeps():
    text = ("Elu en 2020, le maire a gelé l'extension du réseau, prévue à hauteur de 20 caméras. La ville en conserve "
            "31, dont 4 hors service. Le budget de réparation, 12 000 €, a été voté le 28 mars.")
    figures = extract_text(text, place_hint="Pont-Audemer", published="2024-04-02")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras_planned", 20, None), ("cameras", 31, None), ("other", 4, None), ("money_eur", 12000, "2024-03-28")]


def test_cameras_put_up_between_two_months_of_the_year_gone_by_were_added():
    text = ("Le maire a dressé le bilan de l'année écoulée : 14 caméras de vidéoprotection supplémentaires, installées "
            "entre mai et novembre.")
    figures = extract_text(text, place_hint="Vernon", published="2023-01-10")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_added", 14, "2022")]


def test_cameras_put_up_with_an_equipment_and_the_end_of_next_year():
    text = ("Cet été, la ville a équipé les abords de 9 écoles de caméras, soit 18 caméras au total. Les 8 écoles "
            "restantes le seront d'ici la fin de l'année prochaine.")
    figures = extract_text(text, place_hint="Alençon", published="2022-09-06")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("other", 9, "2022"), ("cameras_added", 18, "2022"), ("other", 8, "2023-12")]


def test_a_body_named_after_a_place_is_not_that_place():
    figures = extract_text("Orne Habitat a installé 14 caméras dans ses résidences.", place_hint="Sées")
    assert [(f.value, f.place) for f in figures] == [(14, "Sées")]


def test_a_penalty_the_law_sets_is_no_money_spent():
    text = ("Installer un système sans autorisation est puni de 3 ans d'emprisonnement et de 45 000 euros d'amende. "
            "La ville a consacré 410 000 euros à ses 33 caméras.")
    figures = extract_text(text, place_hint="Segré-en-Anjou Bleu")
    assert [(f.metric, f.value) for f in figures] == [("money_eur", 410000), ("cameras", 33)]


def test_the_financial_courts_speak_for_the_country():
    text = "L'enquête des juridictions financières a établi le coût moyen d'une caméra à 36 600 € HT."
    assert [(f.value, f.place) for f in extract_text(text)] == [(36600, "France")]


def test_two_months_take_the_later_and_last_summer_said_in_summer_is_last_years():
    text = "Les 19 caméras ont permis 27 interpellations en juillet et août, contre 18 l'été dernier."
    figures = extract_text(text, place_hint="Trouville-sur-Mer", published="2021-08-24")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras", 19, None), ("other", 27, "2021-08"), ("other", 18, "2020")]


def test_explain_names_the_correction_that_cleared_a_date():
    text = "Les 19 caméras ont permis 27 interpellations en juillet et août, contre 18 l'été dernier."
    stock = extract_text(text, place_hint="Trouville-sur-Mer", published="2021-08-24")[0]
    assert (stock.value, stock.date, stock.why["date"]) == (19, None, "named_in_passing")


def test_a_count_dated_this_year_right_after_it_keeps_the_date_of_what_it_made_possible():
    # "cette année" right after the count is its own time, not only that of the arrests it led to
    text = "« On est à 260 caméras cette année et elles ont permis 360 interpellations », avance l'adjointe."
    figures = extract_text(text, place_hint="Aulnay-sous-Bois", published="2018-03-05")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras", 260, "2018"), ("other", 360, "2018")]


def test_the_states_scheme_for_projects_in_general_is_the_countrys():
    text = "La commune compte 42 caméras.\n\nÀ savoir\n\nL'État finance jusqu'à 50 % des projets via le FIPD."
    figures = extract_text(text, place_hint="Ancenis-Saint-Géréon")
    assert [(f.value, f.place) for f in figures] == [(42, "Ancenis-Saint-Géréon"), (50, "France")]


def test_an_opening_date_still_dates_the_network_that_did_something():
    text = "En 2019, les 52 caméras de la ville ont permis 96 interpellations."
    figures = extract_text(text, place_hint="Trouville-sur-Mer", published="2020-01-15")
    assert [(f.value, f.date) for f in figures] == [(52, "2019"), (96, "2019")]


def test_bare_bounds_after_a_pronoun_are_a_range_dated_by_the_month_to_come():
    text = "Elle compte déjà cent vingt caméras et en ajoutera entre 10 et 15 d'ici juillet."
    figures = extract_text(text, place_hint="Deauville", published="2019-04-09")
    assert [(f.metric, f.value, f.qualifier, f.date) for f in figures] == [
        ("cameras", 120, "exact", None), ("cameras_planned", 10, "at_least", "2019-07"),
        ("cameras_planned", 15, "at_most", "2019-07")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Un centre de supervision commun coûterait près d'un million d'euros.", [(1_000_000, "approx")]),
    ("La ville a 120 caméras. Le budget annuel du système dépasse les 200 000 euros.",
     [(120, "exact"), (200_000, "at_least")]),
    ("Le réseau dépassera les 100 caméras en 2025. Il a dépassé les 80 caméras l'an dernier.",
     [(100, "at_least"), (80, "at_least")]),
    # "passant de 48 à 60": where a count starts and where it goes, not a range
    ("Le nombre de caméras a augmenté, passant de 48 à 60.", [(48, "exact"), (60, "exact")]),
])
def test_one_million_going_beyond_and_passing_from(text, expected):
    assert [(f.value, f.qualifier) for f in extract_text(text, place_hint="Falaise")] == expected


def test_an_installation_last_week_was_done_and_the_total_it_brings():
    text = ("Avec l'installation de 6 caméras place Napoléon la semaine dernière, le réseau compte désormais 103 "
            "caméras.")
    figures = extract_text(text, place_hint="La Roche-sur-Yon", published="2022-06-21")
    assert [(f.metric, f.value) for f in figures] == [("cameras_added", 6), ("cameras", 103)]


def test_new_cameras_since_a_month_and_the_count_they_bring():
    text = ("Le quartier des Musiciens accueille depuis octobre 14 nouvelles caméras. Les habitants comptent ainsi "
            "98 caméras sur leur commune.")
    figures = extract_text(text, place_hint="Les Mureaux", published="2023-11-28")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_added", 14, "2023"), ("cameras", 98, "2023")]


def test_an_intercommunalites_name_keeps_its_communes_article():
    text = "La Roche-sur-Yon Agglomération finance le centre de supervision : 450 000 euros par an."
    assert [f.place for f in extract_text(text, place_hint="La Roche-sur-Yon")] == ["La Roche-sur-Yon Agglomération"]


def test_places_in_a_bodys_name_are_not_where_the_money_goes():
    text = "La ville a 98 caméras. Le bailleur Les Résidences Yvelines Essonne a participé à hauteur de 60 000 euros."
    assert [f.place for f in extract_text(text, place_hint="Les Mureaux")] == ["Les Mureaux", "Les Mureaux"]


@pytest.mark.parametrize("text", [
    "Inscrits : 5 214. Votants : 2 873 (55,1 %). Liste « Valognes Ensemble » : 1 512 voix (54,19 %), 21 sièges.",
    "Buvette sur place (sandwich : 4,50 € ; boisson : 2 €). Le parking du château (300 places) sera gratuit.",
    "La ville a investi 85 000 euros cet été dans la rénovation des sanitaires des écoles.",
])
def test_a_page_that_never_speaks_of_cameras_or_security_states_no_surveillance_figure(text):
    assert extract_text(text, place_hint="Valognes") == []


def test_a_budgets_line_for_cameras_plans_them():
    text = ("Budget primitif 2024\n\nPrincipaux investissements : voirie (650 000 €), vidéoprotection (95 000 € pour 6 "
            "caméras).")
    figures = extract_text(text, place_hint="Bolbec")
    assert [(f.metric, f.value, f.date) for f in figures] == [("money_eur", 95000, "2024"),
                                                              ("cameras_planned", 6, "2024")]


def test_a_report_of_a_period_dates_its_offences_not_its_stock():
    """ "les chiffres de l'été 2020": the report's year dates what happened in it, not the cameras there now."""
    text = ("Police municipale : les chiffres de l'été 2020\n\nLes agents ont dressé 31 procès-verbaux pour "
            "non-port du casque. La ville compte 40 caméras de vidéoprotection.")
    figures = extract_text(text, place_hint="Vénissieux")
    assert [(f.metric, f.value, f.date) for f in figures] == [("offences", 31, "2020"), ("cameras", 40, None)]


def test_places_that_have_no_camera_are_not_counted():
    text = ("Évreux arrive en tête, avec une caméra pour 390 habitants. À l'inverse, trois villes n'ont encore "
            "aucune caméra.")
    assert [(f.metric, f.value) for f in extract_text(text)] == [("cameras_per_100k", 256.41)]


def test_a_page_given_no_place_speaks_for_the_one_body_its_title_names():
    text = ("Sécurité des communes : la Région Normandie dresse le bilan de son aide\n\nDepuis 2017, elle a soutenu "
            "412 projets de vidéoprotection. Ces aides ont permis l'installation d'environ 2 600 caméras.\n\n"
            "En 2023 :\n\n  • 310 caméras financées\n\nLe taux d'aide est de 30 % de la dépense.")
    figures = extract_text(text)
    assert [(f.metric, f.value, f.place, f.place_kind) for f in figures] == [
        ("other", 412, "Normandie", "region"), ("cameras_added", 2600, "Normandie", "region"),
        ("cameras_added", 310, "Normandie", "region"), ("percent", 30, "Normandie", "region")]


def test_a_count_spread_over_two_districts_is_the_communes():
    text = ("Il est proposé d'ajouter 19 caméras dans les quartiers de Rocheville et des Bréguières, pour un coût "
            "prévisionnel de 247 000 € HT.")
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Le Cannet")] == [
        (19, "Le Cannet"), (247000, "Le Cannet")]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville compte 56 caméras, dont 8 nouvelles implantées en juillet.",
     [("cameras", 56), ("cameras_added", 8)]),
    # new things of another noun do not go on with the list
    ("Le maire a dressé le bilan de l'année : 1 200 000 euros investis dans la voirie, 3 nouvelles classes, et 14 "
     "caméras supplémentaires, installées entre mai et juillet.", [("cameras_added", 14)]),
])
def test_new_ones_among_a_count(text, expected):
    figures = extract_text(text, place_hint="Les Ulis", published="2020-09-29")
    assert [(f.metric, f.value) for f in figures] == expected


def test_an_interviews_answers_to_an_elliptic_question_and_a_negated_bound():
    text = ("« Nous n'irons pas au-delà de 80 caméras »\n\n— Combien de caméras compte la ville aujourd'hui ?\n— Une "
            "bonne cinquantaine, 54 exactement.\n\n— Et demain ?\n— Pas loin de 70 d'ici 2025.")
    figures = extract_text(text, place_hint="Autun", published="2023-04-18")
    assert [(f.metric, f.value, f.qualifier, f.date) for f in figures] == [
        ("cameras_planned", 80, "at_most", None), ("cameras", 50, "approx", None), ("cameras", 54, "exact", None),
        ("cameras_planned", 70, "approx", "2025")]


def test_a_commissions_favourable_opinions_are_plans_each_line_its_own():
    text = ("Commission départementale de vidéoprotection\n\nDossiers examinés : 37, dont 9 présentés par des "
            "communes.\n\nAvis favorables :\n\n  • Digoin : 6 caméras (extension)\n  • Paray-le-Monial : 11 caméras "
            "(création)\n  • Gueugnon : renouvellement de l'autorisation (14 caméras)")
    figures = extract_text(text, place_hint="Saône-et-Loire")
    assert [(f.metric, f.value, f.place) for f in figures] == [
        ("other", 37, "Saône-et-Loire"), ("other", 9, "Saône-et-Loire"), ("cameras_planned", 6, "Digoin"),
        ("cameras_planned", 11, "Paray-le-Monial"), ("cameras", 14, "Gueugnon")]


def test_the_stations_cameras_and_private_ones_that_film_no_street():
    text = ("La ville compte 74 caméras. S'y ajoutent les 20 caméras de la gare. Les commerçants ont installé une "
            "quarantaine de caméras privées, qui ne filment pas la rue.")
    figures = extract_text(text, place_hint="Paray-le-Monial")
    assert [(f.value, f.place) for f in figures] == [(74, "Paray-le-Monial"), (20, "Paray-le-Monial / gare")]


def test_an_amount_in_apposition_takes_no_date_of_a_clause_that_decides_nothing():
    text = ("Le projet de 12 caméras est reporté. Le coût, 96 000 euros, dépasse les capacités de la commune cette "
            "année.")
    figures = extract_text(text, place_hint="Louhans", published="2022-10-18")
    assert [(f.value, f.place, f.place_kind, f.date) for f in figures][1:] == [
        (96000, "Louhans", "commune", None)]


@pytest.mark.parametrize(("text", "place"), [
    ("Saint-Denis (93)\n\nLa ville compte 400 caméras.", "Saint-Denis (Seine-Saint-Denis)"),
    ("Saint-Denis\n\nLa ville compte 150 caméras.\n\nHôtel de ville, 2 rue de Paris, 97400 Saint-Denis, La Réunion.",
     "Saint-Denis (La Réunion)"),
])
def test_a_homonym_of_note_goes_by_the_departement_its_text_names(text, place):
    assert [f.place for f in extract_text(text, place_hint="Saint-Denis")] == [place]


def test_a_homonym_of_any_commune_is_named_with_its_departement():
    # guidelines 2.4: "Homonyms are disambiguated with the territory in parentheses", a hamlet's name too
    assert [f.place for f in extract_text("Vernon compte 60 caméras.", place_hint="Vernon")] == ["Vernon (Eure)"]
    assert [f.place for f in extract_text("Dreux compte 60 caméras.", place_hint="Dreux")] == ["Dreux"]


def test_a_budgets_existing_network_and_a_sum_since_a_year():
    text = ("Rapport d'orientation budgétaire 2024\n\nLa commune poursuivra le déploiement de la vidéoprotection : 4 "
            "caméras supplémentaires (60 k€ TTC). Le contrat de maintenance du parc existant (22 caméras) représente "
            "8,5 k€/an. Pour mémoire, l'investissement total depuis 2016 s'élève à 0,31 M€.")
    figures = extract_text(text, place_hint="Charolles")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras_planned", 4, "2024"), ("money_eur", 60000, "2024"), ("cameras", 22, None),
        ("money_eur", 8500, "2024"), ("money_eur", 310000, None)]


def test_a_table_headers_tense_and_year_and_a_zero_cell():
    text = ("Commune\n\nCaméras installées\n\nCaméras prévues 2024\n\nAutun\n\n41\n\n6\n\nÉpinac\n\n4\n\n0\n\n"
            "Le centre de supervision, installé à Autun, fonctionne avec 6 agents.")
    figures = extract_text(text, place_hint="Communauté de communes du Grand Autunois Morvan")
    assert [(f.metric, f.value, f.place, f.date) for f in figures] == [
        ("cameras", 41, "Autun", None), ("cameras_planned", 6, "Autun", "2024"), ("cameras", 4, "Épinac", None),
        ("other", 6, "Grand Autunois Morvan", None)]


def test_requests_for_the_footage_are_counted():
    text = "Les caméras ont permis 85 interpellations. Les images ont été requises 410 fois par les enquêteurs."
    figures = extract_text(text, place_hint="Saint-Chamond")
    assert [(f.metric, f.value) for f in figures] == [("other", 85), ("other", 410)]


def test_points_of_videoprotection_are_sites_and_a_finished_installation_was_added():
    text = ("La ville a achevé l'installation de 12 nouveaux points de vidéoprotection, équipés au total de 19 "
            "caméras. Le réseau compte désormais 63 caméras.")
    figures = extract_text(text, place_hint="Rive-de-Gier")
    assert [(f.metric, f.value) for f in figures] == [("other", 12), ("cameras_added", 19), ("cameras", 63)]


def test_the_budget_of_the_network_just_told_of_with_words_between():
    text = ("Le nombre de caméras est passé de 12 à 61. Sur la même période, le budget annuel de fonctionnement est "
            "passé de 30 000 à 110 000 euros.")
    figures = extract_text(text, place_hint="Firminy")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 12), ("cameras", 61), ("money_eur", 30000),
                                                      ("money_eur", 110000)]


def test_cases_solved_where_the_cameras_are_told_of():
    text = ("Un an après la mise en service de ses 9 premières caméras, la commune en tire un bilan positif : 37 "
            "réquisitions, 6 affaires élucidées.")
    figures = extract_text(text, place_hint="Feurs")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 9), ("other", 37), ("other", 6)]


def test_some_of_the_cameras_counted_before_after_parmi_elles():
    text = "La commune compte 33 caméras. Parmi elles, 5 filment les abords de l'aéroport."
    figures = extract_text(text, place_hint="Andrézieux-Bouthéon")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 33), ("cameras", 5)]


def test_a_pace_of_installations_and_the_count_it_will_reach_then():
    text = ("Nous avons installé 12 caméras et nous en installerons 8 l'an prochain. Notre commune en comptera alors "
            "40.")
    figures = extract_text(text, place_hint="Saint-Just-Saint-Rambert", published="2022-12-13")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("cameras_added", 12, None), ("cameras_planned", 8, "2023"), ("cameras_planned", 40, "2023")]


def test_offenders_fined_and_what_each_paid():
    text = ("La commune vient d'acquérir une caméra nomade. Elle a permis d'identifier 7 contrevenants, verbalisés "
            "135 euros chacun.")
    figures = extract_text(text, place_hint="Boën-sur-Lignon")
    assert [(f.metric, f.value) for f in figures] == [("offences", 7)]


def test_a_past_phases_line_is_what_it_added():
    text = "Le conseil approuve l'acquisition de 6 caméras. 1re phase (2021) : 10 caméras."
    figures = extract_text(text, place_hint="Sury-le-Comtal", published="2023-11-07")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_planned", 6, None),
                                                              ("cameras_added", 10, "2021")]


def test_cameras_a_gendarmerie_recommended_are_not_there():
    text = "La commune compte 7 caméras. La gendarmerie, consultée, avait recommandé 9 caméras."
    figures = extract_text(text, place_hint="Panissières")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 7), ("cameras_planned", 9)]


def test_small_communes_as_subjects_of_what_they_have_and_have_just_put_up():
    text = ("À Saint-Chamond, le réseau atteint 95 caméras, tandis que Lorette n'en possède que 4. Genilac, de son "
            "côté, vient d'en installer 3.")
    figures = extract_text(text)
    assert [(f.metric, f.value, f.place) for f in figures] == [
        ("cameras", 95, "Saint-Chamond"), ("cameras", 4, "Lorette"), ("cameras_added", 3, "Genilac")]


def test_temporary_cameras_for_an_event_beside_the_fixed_ones():
    text = ("Pour la fête du 24 juin, la commune déploiera 4 caméras temporaires autour du parc, en plus des 11 "
            "caméras fixes de la ville.")
    figures = extract_text(text, place_hint="Sorbiers", published="2023-06-20")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_planned", 4, "2023-06-24"),
                                                              ("cameras", 11, None)]


def test_a_share_taken_on_by_the_agglomeration_has_eligible_communes():
    text = ("L'agglomération prendra en charge 50 % des investissements de vidéoprotection des communes de moins de "
            "5 000 habitants.")
    figures = extract_text(text, place_hint="Laval Agglomération")
    assert [(f.metric, f.place) for f in figures] == [("percent", "Laval Agglomération"),
                                                      ("population", "communes éligibles")]


def test_a_typical_towns_average_goes_by_the_towns_description():
    text = "Une ville de 50 000 habitants compte aujourd'hui en moyenne trois cent cinquante caméras."
    assert [(f.value, f.place, f.place_kind) for f in extract_text(text)] == [
        (50000, "ville de 50 000 habitants", "other"), (350, "ville de 50 000 habitants", "other")]


def test_a_share_that_names_its_noun_is_of_the_kind_of_its_whole():
    text = ("La ville a achevé l'installation de 12 nouveaux points de vidéoprotection, équipés au total de 19 "
            "caméras, dont 4 caméras LAPI aux entrées de ville.")
    figures = extract_text(text, place_hint="Rive-de-Gier", published="2021-11-23")
    assert [(f.metric, f.value) for f in figures] == [("other", 12), ("cameras_added", 19), ("cameras_added", 4)]


def test_last_summer_opens_a_bounded_past_period():
    figures = extract_text("L'été dernier, la ville a installé 19 caméras.", place_hint="Rive-de-Gier",
                           published="2021-11-23")
    assert [(f.metric, f.value) for f in figures] == [("cameras_added", 19)]


def test_an_operation_last_month_and_a_hospital_north():
    text = ("Avec la mise en service, le mois dernier, de 4 caméras rue Jean-Moulin, la commune compte désormais 31 "
            "caméras. La prochaine étape concernera le secteur de l'hôpital Nord (5 caméras).")
    figures = extract_text(text, place_hint="Saint-Priest-en-Jarez", published="2024-05-14")
    assert [(f.metric, f.value, f.place, f.date) for f in figures] == [
        ("cameras_added", 4, "Saint-Priest-en-Jarez", "2024-04"), ("cameras", 31, "Saint-Priest-en-Jarez", None),
        ("cameras_planned", 5, "Saint-Priest-en-Jarez", None)]


@pytest.mark.parametrize(("text", "metric"), [
    # a month gone set apart right after the operation dates it: done
    ("L'installation de deux caméras place du Marché, en mars dernier, n'a pas découragé les dealers.",
     "cameras_added"),
    # a month gone that dates another verb before it leaves the operation to come
    ("Le contrat signé en mars dernier prévoit l'installation de deux caméras place du Marché.", "cameras_planned"),
])
def test_an_operation_dated_by_a_month_gone_set_apart_after_it(text, metric):
    figures = extract_text(text, place_hint="Épernay", published="2024-05-14")
    assert [(f.metric, f.value) for f in figures] == [(metric, 2)]


@pytest.mark.parametrize(("text", "expected"), [
    # "installations" stand for cameras where cameras are the topic
    ("La ville compte 40 caméras. Elle prévoit 17 nouvelles installations de vidéoprotection d'ici 2026.",
     [("cameras", 40), ("cameras_planned", 17)]),
    # a few installations are sites or works; installations of something else are no cameras
    ("La ville compte 40 caméras, réparties sur deux installations importantes.", [("cameras", 40)]),
    ("La ville compte 40 caméras et 12 installations sportives.", [("cameras", 40)]),
])
def test_installations_stand_for_cameras(text, expected):
    figures = extract_text(text, place_hint="Épernay")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_sites_of_a_commune_named_after_their_noun_phrase():
    text = "La métropole équipera les trois parkings relais de Villars de 12 caméras."
    figures = extract_text(text, place_hint="Saint-Étienne Métropole")
    assert [(f.value, f.place) for f in figures] == [(3, "Villars (Loire)"), (12, "Villars (Loire)")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Les 8 caméras du parc de la Roche ont déjà servi à 17 reprises aux enquêteurs.",
     [("cameras", 8, "La Talaudière"), ("other", 17, "La Talaudière")]),
    # occasions that are no use of the cameras
    ("La ville compte 8 caméras. Le conseil s'est réuni à trois reprises sur le sujet.",
     [("cameras", 8, "La Talaudière")]),
])
def test_uses_of_the_cameras_and_a_parks_name(text, expected):
    assert [(f.metric, f.value, f.place) for f in extract_text(text, place_hint="La Talaudière")] == expected


def test_a_grid_cell_takes_the_bound_of_its_own_column_only():
    text = ("Montant de l'aide à la vidéoprotection\n\nType de projet\n\nTaux\n\nPlafond\n\nCréation\n\n50 %\n\n"
            "40 000 €\n\nExtension\n\n30 %\n\n25 000 €")
    figures = extract_text(text, place_hint="Ardèche")
    assert [(f.value, f.qualifier) for f in figures] == [(50, "exact"), (40000, "at_most"), (30, "exact"),
                                                         (25000, "at_most")]


@pytest.mark.parametrize(("text", "qualifier"), [
    ("• + de 100 caméras de vidéoprotection", "at_least"),
    ("• env. 25 communes équipées de caméras", "approx"),  # "env." ends no sentence
])
def test_a_lists_shorthand_hedges(text, qualifier):
    assert [f.qualifier for f in extract_text(text, place_hint="Creuse")] == [qualifier]


def test_the_cameras_of_an_incident_are_no_count_but_the_whole_is():
    text = "Les images de deux des 38 caméras de la ville ont permis d'identifier l'auteur de l'incendie."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Aubusson")] == [("cameras", 38)]


def test_a_plans_cost_in_words_with_a_scale_inside():
    text = ("La ville dispose aujourd'hui de vingt et une caméras. Le plan pluriannuel adopté lundi en prévoit "
            "quatre-vingts à l'horizon 2026. Une caméra sur deux sera équipée d'un dôme. Le plan est chiffré à un "
            "million deux cent mille euros.")
    figures = extract_text(text, place_hint="Goussainville")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 21), ("cameras_planned", 80),
                                                      ("money_eur", 1_200_000)]


def test_the_network_agents_will_watch_and_a_share_put_up_this_spring():
    text = ("Sept agents s'y relaieront 24 heures sur 24 pour surveiller les 87 caméras de la ville, dont 12 posées ce "
            "printemps.")
    figures = extract_text(text, place_hint="Gonesse", published="2022-05-24")
    assert [(f.metric, f.value, f.date) for f in figures][-2:] == [("cameras", 87, None), ("cameras_added", 12, "2022")]


def test_a_timelines_month_lines_hold_for_the_year_it_told():
    text = ("Deuil-la-Barre : 2024, année de la vidéoprotection\n\nJanvier : vote du budget (310 000 €).\n"
            "Juin : mise en service des 14 premières caméras.")
    figures = extract_text(text, place_hint="Deuil-la-Barre", published="2024-09-17")
    assert [(f.value, f.date) for f in figures] == [(310000, "2024-01"), (14, "2024-06")]


def test_a_stations_equipment_by_a_body_named_after_the_region():
    text = ("Ile-de-France Mobilités a achevé l'équipement de la gare d'Ermont-Eaubonne : 42 caméras couvrent "
            "désormais les quais.")
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Ermont")] == [(42, "Ermont / gare")]


def test_the_oldest_ones_to_be_replaced_are_counted():
    text = "La ville compte 46 caméras. Le maire a annoncé le remplacement des 12 plus anciennes par des modèles HD."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Eaubonne")] == [("cameras", 46),
                                                                                       ("cameras", 12)]


def test_sites_some_of_which_are_equipped_are_counted_as_sites_not_cameras():
    text = ("Le Département a investi 1,2 million d'euros dans la sécurisation de ses 40 collèges. Vingt-six d'entre "
            "eux sont désormais équipés de vidéoprotection, soit 98 caméras.")
    figures = extract_text(text, place_hint="Orne", place_kind="departement")
    assert [(f.metric, f.value) for f in figures] == [("money_eur", 1_200_000), ("other", 26), ("cameras", 98)]


def test_agents_who_may_view_the_images_named_the_sentence_before():
    text = ("Les images ne sont pas regardées en continu. Seuls trois agents habilités de la police municipale peuvent "
            "les consulter.")
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Brioude")] == [("other", 3)]


def test_member_communes_of_an_intercommunalite_the_page_opens_on():
    text = ("La communauté de communes du Pays de Craon a validé le déploiement de la vidéoprotection dans trois "
            "communes : Renazé (5 caméras), Cossé-le-Vivien (4) et Quelaines-Saint-Gault (3). Le coût total est "
            "estimé à 150 000 € HT.")
    figures = extract_text(text, place_hint="Craon")
    assert [(f.value, f.place) for f in figures] == [
        (3, "Communauté de communes du Pays de Craon"), (5, "Renazé"), (4, "Cossé-le-Vivien"),
        (3, "Quelaines-Saint-Gault"), (150000, "Communauté de communes du Pays de Craon")]
    unhinted = extract_text(text)
    assert [f.place for f in unhinted][1:4] == ["Renazé", "Cossé-le-Vivien", "Quelaines-Saint-Gault"]


def test_cameras_for_the_centre_and_elsewhere_are_the_communes():
    spread = "Onze caméras seront installées en centre-ville et aux entrées de la commune."
    assert [f.place for f in extract_text(spread, place_hint="Montbard")] == ["Montbard"]
    centre = "Onze caméras seront installées en centre-ville."
    assert [f.place for f in extract_text(centre, place_hint="Montbard")] == ["Montbard / centre-ville"]


def test_cameras_an_aid_is_granted_for_are_to_be_installed():
    granted = "La Région a accordé 9 200 € à Chagny pour 3 caméras."
    assert [(f.metric, f.value) for f in extract_text(granted)] == [("money_eur", 9200), ("cameras_planned", 3)]
    listed = ("La Région a attribué les subventions suivantes :\n- Commune de Chagny : 9 200 € pour 3 caméras\n"
              "- Commune de Saint-Florentin : 18 750 € pour 7 caméras\n")
    assert [(f.metric, f.value, f.place) for f in extract_text(listed) if f.metric != "money_eur"] == [
        ("cameras_planned", 3, "Chagny (Saône-et-Loire)"), ("cameras_planned", 7, "Saint-Florentin (Yonne)")]
    # a list of what is there is no decision's
    there = "La ville compte aujourd'hui :\n- 12 caméras au centre\n- 5 caméras à la gare\n"
    assert {f.metric for f in extract_text(there, place_hint="Chagny")} == {"cameras"}


def test_a_page_of_no_place_speaks_for_the_body_its_lead_opens_on():
    text = ("Commission permanente : aides à la vidéoprotection\n\nLa Région Bourgogne-Franche-Comté a attribué "
            "des subventions aux communes. Le taux d'intervention est de 30 % des dépenses éligibles.")
    assert [(f.value, f.place) for f in extract_text(text)] == [(30, "Bourgogne-Franche-Comté")]


def test_on_a_page_of_no_place_a_paragraph_goes_on_about_the_commune_it_named():
    text = ("Villages : la vidéoprotection gagne les petites communes\n\nÀ Chablis, trois caméras surveillent "
            "l'entrée du bourg. Coût de l'opération : 24 000 euros. Plus loin, Vermenton (1 200 habitants) vient de "
            "voter l'achat de cinq caméras.\n\nLe coût moyen d'une caméra est de 8 000 euros.")
    assert [(f.value, f.place) for f in extract_text(text)] == [
        (3, "Chablis"), (24000, "Chablis"), (1200, "Vermenton"), (5, "Vermenton"), (8000, None)]


def test_what_a_meeting_did_takes_its_date_and_its_opinions_are_counted():
    text = ("La commission départementale de vidéoprotection s'est réunie le 9 février. Elle a examiné 37 dossiers et "
            "rendu 35 avis favorables. Le CSU a ouvert en 2019. Il a permis 45 interpellations.")
    figures = extract_text(text, place_hint="Cher", published="2023-02-14")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("other", 37, "2023-02-09"), ("other", 35, "2023-02-09"), ("other", 45, None)]


def test_two_lines_of_a_financing_plan_with_the_same_amount_are_two_facts():
    text = ("Vidéoprotection : plan de financement\n- DETR (40 %) : 18 240,00 €\n- Région (20 %) : 9 120,00 €\n"
            "- Autofinancement : 18 240,00 €\n")
    figures = extract_text(text, place_hint="Amboise")
    assert [f.value for f in figures if f.metric == "money_eur"] == [18240, 9120, 18240]
    repeated = "La vidéoprotection coûtera 18 240 €. Le conseil a voté les 18 240 € nécessaires."
    assert [f.value for f in extract_text(repeated, place_hint="Amboise")] == [18240]


def test_cameras_to_be_complemented_are_there_and_shops_that_join_are_counted():
    text = ("Les 35 caméras municipales seront bientôt complétées par celles des commerçants : une quinzaine de "
            "boutiques ont accepté de raccorder leurs caméras au centre de supervision. Le centre-ville compte 250 "
            "commerces.")
    figures = extract_text(text, place_hint="Joué-lès-Tours")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 35), ("other", 15)]


def test_an_answer_counts_the_noun_its_question_asks_for_first():
    text = "Combien de communes sont équipées de caméras dans le département ?\n212 sur 486, soit 44 %."
    figures = extract_text(text, place_hint="Indre-et-Loire", place_kind="departement")
    assert [(f.metric, f.value) for f in figures] == [("other", 212), ("percent", 44)]


@pytest.mark.parametrize(("text", "expected"), [
    ("En cinq ans, le nombre de caméras a triplé, passant de 12 à 36.", [(12, "2015"), (36, None)]),
    # a change to come starts now
    ("Le plan prévoit de passer de 100 à 150 caméras en trois ans.", [(100, None), (150, None)]),
])
def test_a_past_change_over_years_starts_that_many_years_before(text, expected):
    figures = extract_text(text, place_hint="Bléré", published="2020-01-15")
    assert [(f.value, f.date) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Le parking relais, qui peut accueillir 300 véhicules, sera équipé de 6 caméras.", [6]),
    ("Le parking de 300 véhicules sera équipé de 6 caméras.", [6]),
    ("Les 40 véhicules de la flotte municipale seront équipés de caméras.", [40]),
])
def test_a_car_parks_size_is_no_count_of_vehicles_equipped(text, expected):
    assert [f.value for f in extract_text(text, place_hint="Bléré")] == expected


def test_a_timelines_months_before_the_page_are_done_those_after_to_come():
    text = ("Deuil-la-Barre : 2024, année de la vidéoprotection\n\nJuillet : 6 caméras de plus.\n"
            "Novembre : 10 caméras de plus.")
    figures = extract_text(text, place_hint="Deuil-la-Barre", published="2024-09-17")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_added", 6, "2024-07"),
                                                              ("cameras_planned", 10, "2024-11")]


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Le réseau en comptera 150, avec l'arrivée de Guipavas (18 caméras) et du Relecq-Kerhuon (12).",
     "Brest Métropole", [(150, "Brest Métropole"), (18, "Guipavas"), (12, "Le Relecq-Kerhuon")]),
    ("Saint-Omer, avec 64 caméras, et Longuenesse, avec 31, concentrent la moitié du parc.", "Saint-Omer",
     [(64, "Saint-Omer (Pas-de-Calais)"), (31, "Longuenesse")]),
    # a road's number is no count
    ("Le réseau sera complété par 8 caméras aux abords de la gare et de la RN 12.", "Brest", [(8, "Brest")]),
])
def test_a_count_in_brackets_after_a_name_with_its_article(text, hint, expected):
    figures = extract_text(text, place_hint=hint)
    assert [(f.value, f.place.split(" / ")[0]) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Deux suspects ont été interpellés lundi grâce aux images d'une caméra.", [("other", 2, None)]),
    ("Trois personnes ont assisté à la réunion publique sur les caméras.", []),
    ("Nous en installerons quatre autres caméras d'ici Noël.", [("cameras_planned", 4, "2023-12")]),
])
def test_people_the_footage_caught_and_christmas(text, expected):
    figures = extract_text(text, place_hint="Nogent-le-Rotrou", published="2023-08-27")
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_a_towns_story_told_with_pronouns_where_clauses_and_there():
    text = ("Lorsque la ville a installé ses premières caméras, en 2011, elles n'étaient que 35. Dix ans plus tard, "
            "elle en compte 190, reliées à un centre où se relaient 16 opérateurs. « Nous visons 250 caméras », dit "
            "l'adjoint.\n\nLe quartier de Razimbaud a reçu 22 caméras en 2020. Depuis, les vols y ont reculé de 14 %. "
            "Il y a aussi 8 caméras au port. Le nombre de vols avec violence est resté stable : 150 en 2020 contre "
            "157 en 2019.")
    figures = extract_text(text, place_hint="Narbonne", published="2021-03-04")
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == [
        ("cameras", 35, "2011", "Narbonne"), ("cameras", 190, "2021", "Narbonne"), ("other", 16, None, "Narbonne"),
        ("cameras_planned", 250, None, "Narbonne"), ("cameras_added", 22, "2020", "Narbonne / Razimbaud"),
        ("percent", 14, None, "Narbonne / Razimbaud"), ("cameras", 8, None, "Narbonne"),
        ("offences", 150, "2020", "Narbonne"), ("offences", 157, "2019", "Narbonne")]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville compte 60 caméras ; elle en espère deux cent cinquante d'ici dix ans.",
     [("cameras", 60, None), ("cameras_planned", 250, "2032")]),
    ("La pose de 6 caméras est reportée à 2025, faute de subvention.", [("cameras_planned", 6, "2025")]),
    ("Un cambriolage élucidé grâce à la vidéoprotection ; deux individus interpellés.", [("other", 2, None)]),
])
def test_hopes_postponements_and_arrests_thanks_to_the_network(text, expected):
    figures = extract_text(text, place_hint="Fleury-les-Aubrais", published="2022-09-30")
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_a_plans_progress_what_is_left_and_a_network_cut_back():
    text = ("Sur les 45 caméras prévues par le plan 2021-2024, 30 sont déjà en service et 15 le seront d'ici juin. "
            "Aucune caméra supplémentaire n'est prévue en centre-ville, où le réseau a même été ramené de 24 à 19 "
            "caméras. « Les 8 restantes attendront le prochain budget », dit le maire.")
    figures = extract_text(text, place_hint="Tournefeuille", published="2023-04-03")
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == [
        ("cameras_planned", 45, "2024", "Tournefeuille"), ("cameras", 30, None, "Tournefeuille"),
        ("cameras_planned", 15, "2023-06", "Tournefeuille"), ("cameras", 24, None, "Tournefeuille / centre-ville"),
        ("cameras", 19, None, "Tournefeuille / centre-ville"), ("cameras_planned", 8, None, "Tournefeuille")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Les caméras se multiplient. Fontenay-sous-Bois, qui n'en possédait que 12 en 2019, a franchi le cap des 50 "
     "l'an dernier.", [("cameras", 12, "exact", "2019"), ("cameras", 50, "at_least", "2023")]),
    # the conditional of hearsay is no plan; a cost said in the conditional still is
    ("Le département compterait plus de 2 000 caméras, selon la préfecture.", [("cameras", 2000, "at_least", None)]),
    # with no source named either: hearsay, unless a time ahead or new cameras make it a plan
    ("La France compterait environ 400000 caméras, dont plus de 30000 sur la voie publique.",
     [("cameras", 400000, "approx", None), ("cameras", 30000, "at_least", None)]),
    ("La ville disposerait bientôt de 624 caméras.", [("cameras_planned", 624, "exact", None)]),
    ("D'ici quelques mois, le centre-ville compterait six nouvelles caméras.",
     [("cameras_planned", 6, "exact", None)]),
    ("Le coût d'une extension à une trentaine de caméras serait de 400 000 euros, selon les services.",
     [("cameras_planned", 30, "approx", None), ("money_eur", 400000, "exact", None)]),
])
def test_counts_told_in_passing_and_reported(text, expected):
    figures = extract_text(text, place_hint="Val-de-Marne", published="2024-01-12")
    assert [(f.metric, f.value, f.qualifier, f.date) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a participle of having opening the sentence tells what its subject has now, whatever comes next
    ("Doté d'une centaine de caméras, le centre, ouvert depuis fin 2023, devrait être relié au centre "
     "départemental.", [("cameras", 100, "approx", None)]),
    ("Doté de 11 caméras, celui-ci sera bientôt élargi.", [("cameras", 11, "exact", None)]),
    # not a participle after its noun, which may be a plan's ("un centre … équipé de 16 caméras")
    ("La commune va créer un centre de supervision, équipé de 16 caméras positionnées au centre-ville.",
     [("cameras_planned", 16, "exact", None)]),
])
def test_what_a_fronted_participle_of_having_says_is_there(text, expected):
    figures = extract_text(text, place_hint="Val-de-Marne", published="2024-01-12")
    assert [(f.metric, f.value, f.qualifier, f.date) for f in figures] == expected


@pytest.mark.parametrize(("text", "metric"), [
    # an infinitive of installing that the town "saw" happen is done, not to come
    ("Pionnière en France, la ville a vu s'installer plus de 600 caméras depuis 2001.", "cameras"),
    ("Le maire veut installer 600 caméras.", "cameras_planned"),
    # "accorder une place à part" gives importance, no grant: no decision to carry out
    ("Avec 1800 caméras, la ville a toujours accordé une place à part à la sécurité.", "cameras"),
    ("Avec 18 caméras, la subvention accordée couvre la moitié du projet.", "cameras_planned"),
])
def test_words_that_look_like_a_plan_and_are_not(text, metric):
    assert [f.metric for f in extract_text(text, place_hint="Nîmes") if f.metric.startswith("cameras")] == [metric]


def test_what_a_meeting_did_told_in_the_passive_takes_its_date():
    text = ("Le préfet a présidé le 5 mars la commission départementale de vidéoprotection. 27 dossiers ont été "
            "examinés. Au total, 212 nouvelles caméras ont été autorisées sur la voie publique.\n\nLa ville compte "
            "40 caméras.")
    figures = extract_text(text, place_hint="Gard", published="2024-03-07")
    assert [(f.value, f.date) for f in figures] == [(27, "2024-03-05"), (212, "2024-03-05"), (40, None)]


def test_the_answer_to_who_watches_the_images():
    text = "— Qui regarde les images ?\n— Deux agents, au poste de police, en journée.\n— Et la police ?\n— 18 agents."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Orvault")] == [("other", 2)]


@pytest.mark.parametrize(("text", "expected"), [
    # a body that pays for one commune's operation is its funder, not where the money goes
    ("Saint-Étienne Métropole équipera les parkings relais de Villars de 12 caméras. La métropole finance seule "
     "l'opération, soit 96 000 euros.", [(12, "Villars (Loire)"), (96000, "Villars (Loire)")]),
    # one that funds its communes' projects speaks for itself
    ("La métropole subventionne à 50 % les projets de vidéoprotection de ses 30 communes.",
     [(50, "Saint-Etienne Métropole"), (30, "Saint-Etienne Métropole")]),
    # a commune that pays is where it pays for
    ("Les caméras de la ville sont reliées au centre de la métropole. La commune verse une participation de "
     "9 000 euros.", [(9000, "Villars (Loire)")]),
])
def test_who_funds_is_not_where_unless_it_funds_its_communes(text, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Villars")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "la pose de" is no past "a posé"; the council's present "approuve" decides
    ("Le conseil approuve un groupement de commandes pour l'acquisition et la pose de 40 caméras.",
     [("cameras_planned", 40)]),
    ("La communauté urbaine a financé la pose de quarante-deux caméras dans huit communes en 2019.",
     [("cameras_added", 42), ("other", 8)]),
    # what a change counts, named before it: offences, not cameras
    ("Depuis la pose des caméras, les dégradations de véhicules sont passées de 62 à 25.",
     [("offences", 62), ("offences", 25)]),
])
def test_a_pose_decided_or_paid_for_and_offences_that_fell(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Questembert Communauté")] == expected


def test_a_ranking_of_densities_each_with_its_own_base_and_a_rate_per_site():
    ranking = ("Courbevoie arrive en tête avec 1 caméra pour 270 habitants, devant Meudon (1 pour 310) et Sèvres "
               "(1 pour 420).")
    assert [(f.value, f.place) for f in extract_text(ranking, place_hint="Hauts-de-Seine")] == [
        (370.37, "Courbevoie"), (322.58, "Meudon"), (238.1, "Sèvres")]
    schools = ("Deux caméras seront installées devant chaque groupe scolaire. Les parents y sont favorables à 78 %.")
    assert [(f.value, f.place) for f in extract_text(schools, place_hint="Vanves")] == [
        (2, "Vanves / chaque groupe scolaire"), (78, "Vanves")]


@pytest.mark.parametrize(("text", "expected"), [
    ("La moitié des 48 caméras de la ville ont plus de dix ans. Une petite dizaine tombent régulièrement en panne. "
     "La ville a inscrit 240 000 euros au budget 2024 pour en remplacer 24.",
     [("cameras", 48, None), ("other", 10, None), ("money_eur", 240000, "2024"), ("other", 24, "2024")]),
    # a replacement done in a past year keeps its year
    ("La commune a investi 350 000 € en 2022 pour remplacer 40 caméras analogiques.",
     [("money_eur", 350000, "2022"), ("other", 40, "2022")]),
    # private cameras that do not film the street are not counted, however long their description
    ("Les 3 caméras du parking souterrain de la résidence Barbusse, qui ne filment pas la rue, appartiennent à un "
     "bailleur privé.", []),
])
def test_an_ageing_network_its_breakdowns_and_replacements(text, expected):
    figures = extract_text(text, place_hint="Sceaux", published="2024-02-08")
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_bulleted_lines_that_open_with_their_count_under_an_intro_that_names_it():
    text = ("Les caméras de la ville, secteur par secteur :\n• 27 dans le secteur du centre-ville\n"
            "• 10 sur l'île de Nantes\n• huit quartier Doulon-Bottière\n\nHoraires du CSU :\n• 8 h à 20 h\n")
    figures = extract_text(text, place_hint="Nantes", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 27), ("cameras", 10), ("cameras", 8)]


def test_lines_that_open_with_their_count_are_read_as_lines_in_a_block_of_long_lines():
    # one line over 60 characters: the block is no list for the sentence splitter, its lines are still lines
    text = ("Les caméras de la ville sont installées dans les quartiers suivants\n\n1 aux Pradettes\n4 à Sesquières\n"
            "7 dans le quartier Rangueil / Saint Exupéry / Saint-Agne / Empalot et ses abords\n\nLes images sont "
            "visionnées au centre de supervision.")
    figures = extract_text(text, place_hint="Toulouse", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 1), ("cameras", 4), ("cameras", 7)]


def test_a_list_of_labels_and_bare_counts_under_an_intro_that_names_them():
    text = ("Les caméras par commune :\nVannes : 92\nSéné : 14\nSaint-Avé : 11\nTotal : 125\n\nHoraires du CSU :\n"
            "Lundi : 8\n")
    figures = extract_text(text, place_hint="Golfe du Morbihan - Vannes agglomération")
    assert [(f.metric, f.value, f.place) for f in figures][:3] == [
        ("cameras", 92, "Vannes"), ("cameras", 14, "Séné"), ("cameras", 11, "Saint-Avé")]
    assert [f.value for f in figures] == [92, 14, 11, 125]
    bracketed = "Répartition des caméras :\n• Vannes (92)\n• Séné (14)\n"
    tabbed = "Nombre de caméras par commune\n\nVannes\t92\nSéné\t14\n"
    for text in (bracketed, tabbed):
        figures = extract_text(text, place_hint="Golfe du Morbihan - Vannes agglomération")
        assert [(f.value, f.place) for f in figures] == [(92, "Vannes"), (14, "Séné")]


@pytest.mark.parametrize(("title", "expected"), [
    ("La vidéoprotection en bref", [64, 120000]),
    ("La ville en bref", [64]),  # a budget of a list about the town is not the cameras'
])
def test_a_budget_line_under_a_title_line_in_the_same_block(title, expected):
    text = f"{title}\nNombre de caméras : 64\nBudget annuel : 120 000 €"
    assert [f.value for f in extract_text(text, place_hint="Sceaux")] == expected


def test_cameras_that_are_used_to_fine_drivers():
    text = ("La vidéoverbalisation a permis de dresser 4 200 amendes en 2023. Sur les 96 caméras de la ville, 18 sont "
            "utilisées à cet effet.")
    figures = extract_text(text, place_hint="Étampes", published="2024-02-05")
    assert [(f.metric, f.value) for f in figures] == [("offences", 4200), ("cameras", 96), ("other", 18)]


def test_a_communes_year_in_review_with_an_aside_and_the_intercommunal_centre_named_in_passing():
    text = ("Rétrospective 2023 : la vidéoprotection à Arpajon\n\nLes opérateurs du CSU intercommunal ont visionné les "
            "images à 312 reprises pour le compte de la police municipale d'Arpajon. En 2023, 14 nouvelles caméras "
            "ont été installées (contre 6 en 2022), portant le parc à 58 caméras.\n\nPhase 1 (2020) : 10 caméras.")
    figures = extract_text(text, place_hint="Arpajon", published="2024-01-10")
    assert [(f.value, f.date, f.place) for f in figures] == [
        (312, None, "Arpajon"), (14, "2023", "Arpajon"), (6, "2022", "Arpajon"), (58, "2023", "Arpajon"),
        (10, "2020", "Arpajon")]


def test_an_amendment_speaks_for_the_country():
    text = ("Amendement n° 1127\n\nCet amendement vise à encadrer l'usage des drones, alors que plus de 600 communes "
            "disposent d'un centre de supervision urbain et que le parc national dépasse les 90 000 caméras.")
    assert [(f.value, f.place) for f in extract_text(text)] == [(600, "France"), (90000, "France")]


def test_a_senators_departement_in_brackets_is_not_the_pages_place():
    text = ("Question écrite de M. Jean Dupont (Loiret)\n\nM. Jean Dupont attire l'attention de M. le ministre de "
            "l'intérieur. Le FIPD a consacré 27 millions d'euros à la vidéoprotection en 2022.")
    assert [(f.value, f.place) for f in extract_text(text)] == [(27_000_000, "France")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Huit caméras supplémentaires surveillent désormais le parc du château.", [("cameras_added", 8)]),
    ("Avec 8 caméras supplémentaires, la ville compte désormais 48 caméras.", [("cameras", 8), ("cameras", 48)]),
    ("Le centre visionne désormais les images de plus de 900 caméras.", [("cameras", 900)]),
])
def test_new_cameras_that_now_watch_were_just_added(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Dourdan")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville a investi 2,3 millions d'euros entre 2015 et 2020 pour installer 74 caméras.",
     [("money_eur", 2_300_000, "2020"), ("cameras_added", 74, "2020")]),
    ("Les 26 caméras de la ville, installées entre 2015 et 2018, arrivent en fin de vie.", [("cameras", 26, None)]),
    # locations a diagnosis recommends are sites
    ("Le diagnostic de sûreté préconise 11 emplacements de caméras, dont 4 aux entrées de la commune.",
     [("other", 11, None), ("other", 4, None)]),
])
def test_money_spent_to_install_over_years_and_recommended_locations(text, expected):
    figures = extract_text(text, place_hint="Pontoise", published="2022-03-21")
    assert [(f.metric, f.value, f.date) for f in figures] == expected


def test_a_report_s_counts_a_level_reached_and_the_count_a_year_before_in_brackets():
    text = ("3. Vidéoprotection\n\nLe parc compte 41 caméras au 31 décembre 2022 (37 un an plus tôt). Les réquisitions "
            "de la police nationale se sont élevées à 176, en hausse de 12 %.")
    figures = extract_text(text, place_hint="Laon")
    assert [(f.metric, f.value) for f in figures] == [("cameras", 41), ("cameras", 37), ("other", 176),
                                                      ("percent", 12)]


def test_an_opposition_column_a_plan_voted_a_suspended_figure_and_money_for_something_else():
    text = ("La majorité a fait voter en 2022 un plan de 350 000 euros pour 24 caméras. Deux ans plus tard, le "
            "résultat est là : les cambriolages ont baissé de… 2 %. Nous proposons de réorienter ces crédits vers "
            "l'éclairage public, qui n'a reçu que 80 000 euros en 2023. La vidéoprotection, qui a reçu 20 000 euros, "
            "suffit.")
    figures = extract_text(text, place_hint="Tergnier", published="2024-05-10")
    assert [(f.metric, f.value, f.date) for f in figures] == [
        ("money_eur", 350000, "2022"), ("cameras_planned", 24, "2022"), ("percent", 2, "2024"),
        ("money_eur", 20000, None)]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville compte 40 caméras. La commune a sollicité une subvention de 25 000 € auprès de la Région.",
     [(40, "Sceaux"), (25000, "Sceaux")]),
    ("Le projet de vidéoprotection prévoit l'implantation de 12 caméras sur 8 sites.",
     [(12, "Sceaux"), (8, "Sceaux")]),
])
def test_a_subsidy_asked_of_a_region_and_cameras_over_sites(text, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint="Sceaux")] == expected


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Le Département du Var finance jusqu'à 30 % des projets de vidéoprotection des communes.", None, [(30, "Var")]),
    ("Dans le Lot, 40 communes ont installé des caméras.", None, [(40, "Lot")]),
    # a département then a commune, parted by a comma, are no list of communes
    ("Classée 12e ville la plus vidéosurveillée du Var, La Seyne-sur-Mer compte 140 caméras.", "La Seyne-sur-Mer",
     [(140, "La Seyne-sur-Mer")]),
])
def test_short_departement_names_with_their_article(text, hint, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


def test_a_departements_aid_to_communes_in_prose_and_brackets():
    text = ("Le Département de la Drôme a voté 312 000 euros d'aides à la vidéoprotection pour 19 communes. "
            "Montélimar reçoit la plus grosse part : 60 000 euros pour 14 caméras. Suivent Pierrelatte (42 000 "
            "euros pour 9 caméras) et Nyons (18 500 euros). Depuis 2019, le Département a ainsi financé plus de 450 "
            "caméras.")
    figures = extract_text(text, place_hint="Drôme", place_kind="departement")
    assert [(f.metric, f.value, f.place) for f in figures] == [
        ("money_eur", 312000, "Drôme"), ("other", 19, "Drôme"), ("money_eur", 60000, "Montélimar"),
        ("cameras_planned", 14, "Montélimar"), ("money_eur", 42000, "Pierrelatte"),
        ("cameras_planned", 9, "Pierrelatte"), ("money_eur", 18500, "Nyons"), ("cameras_added", 450, "Drôme")]
    # a critique of what the cameras cost is no plan to the rules (no rule of decision or aid reads it); the learned
    # second opinion, retrained on 362 batches, relabels it planned at 0.705 (a cost "pour N caméras" is most often
    # a project's in the corpus): the rules' reading is what this tests
    critique = "« Trois millions d'euros pour 120 caméras, c'est trop », estime l'élu d'opposition."
    rules_alone = extract_text(critique, place_hint="Beauvais", second_opinion=False)
    assert [f.metric for f in rules_alone] == ["money_eur", "cameras"]


def test_a_regions_list_of_grants_names_its_communes():
    text = ("La Région Pays de la Loire a attribué 186 000 euros à 11 communes pour leur vidéoprotection, dont :\n"
            "• Clisson : 12 500 €\n• Châteaubriant : 30 000 € pour 10 caméras\nL'aide régionale est plafonnée à "
            "30 000 € par commune.")
    figures = extract_text(text)
    assert [(f.value, f.place) for f in figures] == [
        (186000, "Pays de la Loire"), (11, "Pays de la Loire"), (12500, "Clisson"), (30000, "Châteaubriant"),
        (10, "Châteaubriant"), (30000, "Pays de la Loire")]


def test_a_regions_review_of_its_aid_since_a_named_programme():
    text = ("Depuis le lancement du « Pacte de sécurité » en 2019, la Région Normandie a soutenu 412 projets de "
            "vidéoprotection. Au total, 8,7 millions d'euros ont été engagés, permettant l'installation de près de "
            "2 300 caméras.")
    figures = extract_text(text, published="2024-01-15")
    assert [(f.metric, f.value, f.date, f.place) for f in figures] == [
        ("other", 412, None, "Normandie"), ("money_eur", 8_700_000, None, "Normandie"),
        ("cameras_added", 2300, None, "Normandie")]


def test_a_rate_between_two_percentages_and_a_cap_that_cannot_be_exceeded():
    text = ("Les projets de vidéoprotection sont subventionnés à un taux compris entre 20 % et 50 % de la dépense. La "
            "subvention ne peut excéder 15 000 € par caméra. Le Département plafonne son soutien à 25 000 euros.")
    figures = extract_text(text, place_hint="Loiret", place_kind="departement")
    assert [(f.value, f.qualifier) for f in figures] == [(20, "at_least"), (50, "at_most"), (15000, "at_most"),
                                                         (25000, "at_most")]


@pytest.mark.parametrize(("text", "hint", "expected"), [
    ("Dans le 18e arrondissement, 60 nouvelles caméras ont été installées en 2023.", "Paris",
     [(60, "Paris / 18e arrondissement")]),
    ("Lyon compte 580 caméras ; le 7e arrondissement en concentre 90.", "Lyon",
     [(580, "Lyon"), (90, "Lyon / 7e arrondissement")]),
])
def test_an_arrondissement_named_before_its_count(text, hint, expected):
    assert [(f.value, f.place) for f in extract_text(text, place_hint=hint)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Dans les gares, 38 sites ont déjà été équipés depuis 2019, soit 290 caméras, et 12 autres le seront en 2023.",
     [("other", 38), ("cameras_added", 290), ("other", 12)]),
    ("Trente-huit collèges sont désormais équipés de vidéoprotection. Les 14 derniers le seront d'ici 2023.",
     [("other", 38), ("other", 14)]),
    # others of cameras stay cameras
    ("Vingt caméras ont été installées en 2022 et dix autres le seront en 2023.",
     [("cameras_added", 20), ("cameras_planned", 10)]),
])
def test_the_others_an_ellipsis_tells_are_of_the_count_whose_predicate_it_repeats(text, expected):
    figures = extract_text(text, place_hint="Centre-Val de Loire", place_kind="region", published="2022-09-22")
    assert [(f.metric, f.value) for f in figures] == expected


def test_an_aid_page_whose_lead_names_its_region_after_an_opening_phrase():
    text = ("Vidéoprotection : l'aide régionale aux communes\n\nAvec son plan « Occitanie sûre », la Région Occitanie "
            "accompagne les communes.\n\nTaux d'intervention\n\nAutres communes\n\n30 %\n\nPlafond de l'aide : "
            "40 000 € par projet.")
    assert [(f.value, f.qualifier, f.place) for f in extract_text(text)] == [
        (30, "exact", "Occitanie"), (40000, "at_most", "Occitanie")]


def test_a_bare_count_opening_its_sentence_counts_what_the_sentence_before_counted():
    text = ("Au total, 180 communes bretonnes bénéficieront de l'aide à la vidéoprotection. Quatre-vingt-quatre ont "
            "déjà reçu leur aide. La ville compte 40 caméras. Douze ont été posées en 2023.")
    figures = extract_text(text, place_hint="Bretagne", place_kind="region", published="2024-04-02")
    assert [(f.metric, f.value) for f in figures][:2] == [("other", 180), ("other", 84)]


def test_the_first_cameras_and_a_centre_whose_opening_an_aside_dates():
    text = ("D'abord expérimentées en 2006 sur la place de la Victoire, les caméras n'étaient alors que six. Un centre "
            "de supervision urbain, ouvert en 2015 près de la gare, emploie 45 agents.")
    figures = extract_text(text, place_hint="Perpignan", published="2023-06-20")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras", 6, "2006"), ("other", 45, None)]


@pytest.mark.parametrize(("title", "place"), [
    ("Vidéoprotection : c'est parti à Bordeaux", "Bordeaux Métropole"),
    ("Vidéoprotection : le point à Bordeaux et à Pessac", None),  # two places: the page speaks for neither
])
def test_a_title_ending_on_one_commune_gives_the_page_its_place(title, place):
    text = f"{title}\n\nQuatre communes de la métropole seront bientôt reliées au centre de supervision."
    assert [f.place for f in extract_text(text)] == [place]


def test_cameras_damaged_said_in_apposition_are_other_though_they_will_be_replaced():
    text = "La ville compte 86 caméras. Une dizaine d'appareils, vandalisés lors des émeutes, doivent être remplacés."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Angers")] == [("cameras", 86), ("other", 10)]


def test_one_sentence_listing_the_same_value_twice_tells_of_two_facts() -> None:
    text = ("Dans le détail, la commune prévoit d'installer quatre caméras sur le chemin Saint-Honoré, quatre sur "
            "le pont du Royaume et trois sur le boulevard.")
    assert [f.value for f in extract_text(text, place_hint="Villeneuve-lès-Avignon")] == [4, 4, 3]


def test_a_heading_that_restates_its_paragraphs_count_is_one_fact() -> None:
    text = "27 caméras dans la ville\n\nActuellement, le système de la ville compte 27 caméras."
    assert [f.value for f in extract_text(text, place_hint="Saint-Malo")] == [27]


@pytest.mark.parametrize(("text", "expected"), [
    # what "le nombre de" names comes to, told by "est de" or a verb of reaching
    ("Parmi les villes interrogées, le nombre moyen de caméras installées dans la ville est de 25.",
     [("cameras", 25)]),
    ("Le ministère indique que le nombre de caméras autorisées atteignait 396.000 à la fin de l'année 2007.",
     [("cameras", 396_000)]),
    # "est de" with no "nombre de" before it names nothing
    ("La subvention accordée est de 30.", []),
])
def test_the_number_of_cameras_is_of(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Sens")] == expected


@pytest.mark.parametrize(("text", "place"), [
    ("Le plan prévoit entre 50 et 70 caméras supplémentaires par arrondissement.", "Paris / chaque arrondissement"),
    ("La ville installera quatre caméras par déchèterie.", "Paris / chaque déchèterie"),
])
def test_a_rate_per_unit_of_the_commune_is_about_each_unit(text, place):
    assert {f.place for f in extract_text(text, place_hint="Paris")} == {place}


def test_a_four_digit_count_is_no_year():
    # "2047 caméras" counts cameras: it dates nothing else in its sentence
    text = "Au total, 2047 caméras ont été installées dans 51 communes du Nord et 35 dans le Pas-de-Calais."
    figures = extract_text(text, place_hint="Hauts-de-France", published="2024-03-01")
    assert [(f.value, f.date) for f in figures] == [(2047, None), (51, None), (35, None)]


def test_a_date_right_after_an_amount_and_its_unit_is_its_own():
    # "343 millions d'€ en 2020", "30 millions d'euros pour l'année 2011": not the year of the amount before
    text = ("Le contrat de vidéoprotection a vu son coût passer de 225 millions d'€ en 2010 à 343 millions d'€ en "
            "2020. Le Fonds a financé la vidéoprotection à hauteur de 13,1 millions d'euros pour l'année 2010 et de 30 "
            "millions d'euros pour l'année 2011.")
    assert [(f.value, f.date) for f in extract_text(text, place_hint="Paris")] == [
        (225e6, "2010"), (343e6, "2020"), (13.1e6, "2010"), (30e6, "2011")]


def test_a_figure_in_brackets_after_a_year_is_that_years():
    text = ("En 2024, 88 % des Français se déclarent favorables à la vidéoprotection, un chiffre en forte progression "
            "par rapport à 2008 (71 %). Saint-Joachim filme ses bâtiments depuis 2012 (17 caméras).")
    figures = extract_text(text, place_hint="France")
    assert [(f.value, f.date) for f in figures] == [(88, "2024"), (71, "2008"), (17, None)]


def test_a_deadline_after_a_count_beats_the_date_of_its_announcement():
    text = ("Le maire avait annoncé en 2015 qu'une centaine de caméras seraient installées sur la voie publique "
            "d'ici 2020.")
    assert [(f.value, f.date) for f in extract_text(text, place_hint="Joué-lès-Tours")] == [(100, "2020")]
