"""Counts to come told without a verb of their own: "bientôt N", a number in brackets, an incise."""

import pytest

from extractors.pipeline import extract_text


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville est quadrillée par 52 caméras et bientôt par une soixantaine.",
     [("cameras", 52), ("cameras_planned", 60)]),
    ("Vingt-sept caméras à Punaauia et bientôt trente-trois à Arue.",
     [("cameras", 27), ("cameras_planned", 33)]),
    ("La commune est équipée de 20 caméras, et bientôt 24.", [("cameras", 20), ("cameras_planned", 24)]),
])
def test_soon_before_a_bare_number_is_a_count_to_come(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Sens")] == expected


def test_soon_before_a_number_with_a_noun_of_its_own_is_not_a_camera_count():
    text = "La ville compte 12 caméras. Elle achète une caméra-piéton pour les cinq et bientôt six agents."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Sens")] == [("cameras", 12)]


def test_a_number_in_brackets_does_not_take_the_tense_of_the_verb_outside():
    text = "Prenons la ville voisine de Carbonne, qui possède 11 caméras (bientôt 14) : trois vols ont été résolus."
    figures = extract_text(text, place_hint="Carbonne")
    assert [(f.metric, f.value) for f in figures][:2] == [("cameras", 11), ("cameras_planned", 14)]


@pytest.mark.parametrize(("text", "expected"), [
    ("La ville veut 200 caméras à échéance 2020.", [("cameras_planned", 200)]),
    ("La vidéoprotection s'étend : l'objectif est de 100, d'ici 2020.", [("cameras_planned", 100)]),
    ("Deux caméras seront posées rue des Jardins, et 160 autres d'ores et déjà en service seront reliées au centre.",
     [("cameras_planned", 2), ("cameras", 160)]),
])
def test_deadlines_aims_and_cameras_there_already(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Le Puy-en-Velay")] == expected


@pytest.mark.parametrize("text", [
    "La vidéoprotection s'étend : l'objectif est de 100, d'ici 2020.",
    "La ville aura 100 caméras, à l'horizon 2020.",
    "Cent caméras seront installées dans la ville, au second semestre 2020.",
])
def test_a_deadline_set_apart_by_a_comma_dates_the_count(text):
    assert [(f.value, f.date) for f in extract_text(text, place_hint="Niort")] == [(100, "2020")]


@pytest.mark.parametrize(("text", "expected"), [
    # "doivent" of a purpose is no future; "doit aboutir à la pose" is
    ("Les 42 caméras déployées doivent dissuader les délinquants.", [("cameras", 42)]),
    ("La commune a engagé un chantier qui doit aboutir à la pose de 47 caméras.", [("cameras_planned", 47)]),
    # the next count in words ends this one's words: "une centaine" is another count's future
    ("À ce jour, 51 caméras sont opérationnelles et il y en aura une centaine d'ici à la fin de l'année.",
     [("cameras", 51), ("cameras_planned", 100)]),
    ("13 caméras sont d'ores et déjà implantées, 24 supplémentaires le seront en 2019.",
     [("cameras", 13), ("cameras_planned", 24)]),
])
def test_whose_future_a_modal_or_a_later_count_tells(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Reims")] == expected


def test_an_imperfect_of_couvrir_is_no_conditional_and_fin_2023_is_december():
    figures = extract_text("Fin 2023, 126 caméras couvraient le territoire seynois.", place_hint="La Seyne-sur-Mer")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras", 126, "2023-12")]
    # the conditional of devoir is still one
    figures = extract_text("Quinze caméras devraient être posées fin 2026.", place_hint="La Seyne-sur-Mer")
    assert [(f.metric, f.value, f.date) for f in figures] == [("cameras_planned", 15, "2026-12")]


@pytest.mark.parametrize("text", [
    "Les vingt-six caméras annoncées par le maire sont en service.",
    "À ce jour, 51 caméras sont opérationnelles.",
])
def test_a_state_in_the_present_is_now_whatever_announced_it(text):
    assert [f.metric for f in extract_text(text, place_hint="Niort")] == ["cameras"]


def test_the_clause_that_leads_to_the_next_count_is_not_this_ones():
    text = ("Les caméras de surveillance se multiplient. Le ministère de l'Intérieur en recense 20 000 en 2008, et "
            "veut passer à 60 000 d'ici 2012.")
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="France")][:1] == [("cameras", 20000)]


def test_a_reflexive_verb_after_doit_tells_what_is_to_come():
    text = "Le parc de caméras, 150 aujourd'hui, doit s'étoffer au rythme de 30 par an."
    assert ("cameras_planned", 30) in [(f.metric, f.value) for f in extract_text(text, place_hint="Nantes")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Le maire présente un premier plan de 31 caméras pour la commune.", [("cameras_planned", 31)]),
    ("Le centre a été agrandi dans la perspective du Plan « 100 caméras ».", [("cameras_planned", 100)]),
    ("Son collègue est prêt à débourser 25 000 euros pour installer une dizaine de caméras.",
     [("cameras_planned", 10)]),
    ("Trente caméras de vidéosurveillance avant la fin de l'année à Sens.", [("cameras_planned", 30)]),
    ("Un total de 120 caméras dans deux ans, pour un coût de 900 000 euros.", [("cameras_planned", 120)]),
    ("Le nouveau maire ambitionne de faire installer 1 000 caméras dans sa ville.", [("cameras_planned", 1000)]),
    # a plan named, not a count of it: what was done under it stays done
    ("Dans le cadre du plan de vidéoprotection lancé en 2011, 1 105 caméras ont été déployées.",
     [("cameras", 1105)]),
])
def test_a_plan_a_readiness_or_a_deadline_tells_a_count_to_come(text, expected):
    figures = extract_text(text, place_hint="Sens")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Rivedoux-Plage s'est dotée de six nouvelles caméras extérieures fixes.", [("cameras_added", 6)]),
    ("En 2014, la gare s’est équipée de cinq caméras de vidéosurveillance supplémentaires.", [("cameras_added", 5)]),
    ("Convaincue, la mairie vient tout juste de poser huit nouvelles caméras.", [("cameras_added", 8)]),
    # an adverb between the auxiliary and the participle: done all the same
    ("En 2021, nous avons ainsi implanté 5 caméras sur 3 sites. Cette année, nous allons poser 10 caméras "
     "supplémentaires.", [("cameras_added", 5), ("cameras_planned", 10)]),
    # a phrase set off by commas between them: done too, whatever the heading before announces
    ("25 caméras supplémentaires implantées d'ici juin 2015\nLa Ville a, dès 2013, déployé 29 caméras sur 13 sites.",
     [("cameras_planned", 25), ("cameras", 29)]),
    # the whole system it got, not more of it
    ("Tarbes s'est dotée de 48 caméras en 2016.", [("cameras", 48)]),
])
def test_new_cameras_a_town_just_got_are_added_not_to_come(text, expected):
    figures = extract_text(text, place_hint="Sens")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected



@pytest.mark.parametrize(("text", "expected"), [
    # the count's own verb says it is planned: the "à ce jour" dates the plan, not cameras in place
    ("Près de 170 caméras sont prévues à ce jour sur les communes de l'agglomération.", [("cameras_planned", 170)]),
    ("Douze caméras restent programmées pour 2026.", [("cameras_planned", 12)]),
    # the count's own time, ahead, whatever "dès aujourd'hui" says of another count
    ("Cet outil permet dès aujourd'hui de piloter 250 caméras et plus de 600 caméras d'ici la fin de l'année.",
     [("cameras", 250), ("cameras_planned", 600)]),
    ("À ce jour, 170 caméras sont en place.", [("cameras", 170)]),
    # the count's own relative clause in the future, active as passive
    ("Ce bâtiment recevra en temps réel les images des 642 caméras qui surveilleront nuit et jour toute la ville.",
     [("cameras_planned", 642)]),
    ("Les images des 642 caméras qui surveillent la ville arrivent au centre.", [("cameras", 642)]),
    # a time ahead right after the count, in one word: "prochainement", "sous peu", "à venir"
    ("La participation citoyenne complète le dispositif de vidéoprotection déployé sur la ville avec treize caméras "
     "prochainement.", [("cameras_planned", 13)]),
    ("Le centre de supervision recevra les images de 40 caméras à venir.", [("cameras_planned", 40)]),
    # the "déjà" of the count after this one does not make this one there now
    ("Au premier trimestre 2015, 7 caméras viendront élargir le panorama des 59 déjà installées dans la ville.",
     [("cameras_planned", 7), ("cameras", 59)]),
    ("Sept caméras vont prochainement compléter les trois déjà existantes.",
     [("cameras_planned", 7), ("cameras", 3)]),
    # nor does the "déjà" of the count before it, in a clause of its own
    ("On sait que 18 caméras sont déjà en service et qu'en tout 33 caméras devraient être posées.",
     [("cameras", 18), ("cameras_planned", 33)]),
    ("Six caméras sont déjà en service alors que vingt caméras seront posées en 2027.",
     [("cameras", 6), ("cameras_planned", 20)]),
    # a state told right after the count: "en projet", "à l'étude"
    ("La commune compte vingt caméras. On en a une ou deux en projet.", [("cameras", 20), ("cameras_planned", 2)]),
    # a count still to put up ("à ajouter", "à poser"), whatever "encore" or "il y a" say; those it joins are there
    ("Soit plus de 2 500 caméras à ajouter aux 1 200 installées depuis 2002.",
     [("cameras_planned", 2500), ("cameras", 1200)]),
    ("La ville compte 20 caméras. Il y a encore 12 caméras à poser.", [("cameras", 20), ("cameras_planned", 12)]),
    # a purchase told as a noun, not yet made; one made ("a fait l'acquisition de") is no plan
    ("Une enveloppe de 4 millions d'euros y est consacrée, avec notamment l'achat de 550 caméras.",
     [("cameras_planned", 550)]),
    ("La ville a fait l'acquisition de douze caméras pour ses agents.", [("cameras", 12)]),
    # an agreement to install, a budget line, a past plan
    ("La préfecture a donné son accord pour la pose de 45 caméras sur la commune.", [("cameras_planned", 45)]),
    ("Seul l'achat de 3 caméras a été inscrit au budget 2017.", [("cameras_planned", 3)]),
    ("En 2014, sept caméras devaient être posées rue Gambetta.", [("cameras_planned", 7)]),
])
def test_a_count_whose_own_words_plan_it_is_to_come_whatever_another_says(text, expected):
    figures = extract_text(text, place_hint="Orsay")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a choice, a talk or a project of installing tells cameras to come
    ("Après une série de cambriolages, la mairie a choisi de déployer une trentaine de caméras.",
     [("cameras_planned", 30)]),
    ("Il est question d'installer une dizaine de caméras dans un premier temps.", [("cameras_planned", 10)]),
    ("Nous, habitants du village, nous opposons à votre projet d'installation de 25 caméras de vidéoprotection, "
     "et ce pour plusieurs raisons :", [("cameras_planned", 25)]),
    ("Un appel d'offre a été lancé pour 6 caméras.", [("cameras_planned", 6)]),
    ("Lors de la réunion publique, il a été question des 21 caméras et de leurs emplacements.",
     [("cameras_planned", 21)]),
    # an intention; a count's own relative clause to come, whatever now the sentence tells
    ("D'ici la fin de son mandat, le maire compte installer 500 caméras.", [("cameras_planned", 500)]),
    ("On en compte actuellement 176 auxquelles il faut ajouter les 29 caméras de la Part-Dieu qui seront disposées "
     "dans ce quartier.",
     [("cameras", 176), ("cameras_planned", 29)]),
    # still to do
    ("La première tranche est posée ; il reste 7 caméras à installer.", [("cameras_planned", 7)]),
    # a periphrastic future
    ("En tout, 22 caméras de vidéoprotection sont sur le point d'être installées au cœur de la commune.",
     [("cameras_planned", 22)]),
    # a prefect's leave to install is no installation; leave to run cameras is of cameras there
    ("La ville a obtenu une autorisation préfectorale pour 160 caméras.", [("cameras_planned", 160)]),
    ("Un nouvel arrêté préfectoral autorise 10 caméras de surveillance urbaine.", [("cameras_planned", 10)]),
    ("Le maire a dit sa volonté d'augmenter le nombre de caméras en le portant à 600, contre 571 actuellement.",
     [("cameras_planned", 600), ("cameras", 571)]),
    ("La commune n'avait aucune caméra de vidéoprotection. Le préfet a signé un arrêté autorisant la commune, "
     "jusque-là sans équipement, à en installer 23.",
     [("cameras_planned", 23)]),
    ("Le collectif contestait l'arrêté préfectoral autorisant la ville à faire fonctionner 40 caméras.",
     [("cameras", 40)]),
])
def test_a_choice_a_project_or_a_leave_to_install_tells_cameras_to_come(text, expected):
    figures = extract_text(text, place_hint="Langon")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "bientôt" right before a count after another one: its own future, whatever "now" the first one has
    ("Nous sommes partis avec 11 caméras ; aujourd'hui on en compte 30 et bientôt 33.",
     [("cameras", 11), ("cameras", 30), ("cameras_planned", 33)]),
    # words of now that tell a count there now, against the one to come
    ("Un dispositif pour le moment doté de 160 caméras et qui passera à 200 à terme.",
     [("cameras", 160), ("cameras_planned", 200)]),
    ("Les 7 caméras dont dispose actuellement la commune viendront s'ajouter à celles de la ville voisine.",
     [("cameras", 7)]),
])
def test_now_and_soon_each_belong_to_their_own_count(text, expected):
    figures = extract_text(text, place_hint="Oullins")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_where_a_count_goes_after_its_noun_is_a_count_of_the_same_noun():
    """The count a change starts from is the stock; where it goes takes the change's tense."""
    text = "Bagnols va donc passer de 20 caméras de vidéosurveillance à 40."
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Bagnols-sur-Cèze")] == [
        ("cameras", 20), ("cameras_planned", 40)]


@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive of putting up governs the count: not up yet
    ("Le chantier consiste à installer trois caméras autour du collège.", [("cameras_planned", 3)]),
    ("Le commercial conseille de louer les 18 caméras sur cinq ans plutôt que de les acheter.",
     [("cameras_planned", 18)]),
    ("Les habitants se divisent sur le choix de l'équipe municipale d'installer une batterie de six caméras.",
     [("cameras_planned", 6)]),
    # unless what governs it was done: money spent, a causative "fait poser"
    ("La commune a investi 3 millions d'euros pour installer 130 caméras.",
     [("money_eur", 3_000_000), ("cameras", 130)]),
    ("Le maire fait poser 17 caméras dans le village.", [("cameras", 17)]),
])
def test_an_infinitive_of_putting_up_tells_cameras_to_come(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Cluny")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # a bare number told aside of cameras, with a word of now: the count there now, whatever the sentence's tense
    ("La candidate prévoit de faire passer à 4 000 le nombre de caméras de vidéosurveillance (1 360 actuellement).",
     [("cameras_planned", 4000), ("cameras", 1360)]),
    ("La ville ne peut installer des caméras – environ 350 actuellement – que sur ses bâtiments.", [("cameras", 350)]),
    ("S'y ajoutent l'installation de 50 caméras de plus (350 actuellement, installées depuis 2014).",
     [("cameras_planned", 50), ("cameras", 350)]),
    # an aside on another noun is not a camera count
    ("La police compte des agents (12 actuellement) et des caméras.", []),
])
def test_a_count_told_aside_with_a_word_of_now_is_there_now(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Toulouse")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the first phase of a network is no addition to anything: what it put up is the network then
    ("Au cours de cette première phase, sept caméras de surveillance ont été installées.", [("cameras", 7)]),
    ("Lors de sa première phase, il a été installé 29 caméras.", [("cameras", 29)]),
    # a later phase adds
    ("Une deuxième phase a permis de raccorder 65 caméras.", [("cameras_added", 65)]),
    # an installation a past verb tells of was done, not planned; nothing says it added to a network: a stock
    ("La sécurisation de la ville s'est traduite par l'installation de 12 caméras dans le centre.",
     [("cameras", 12)]),
])
def test_a_first_phase_and_an_installation_told_as_done(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Roanne")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "fort de N": what the network has now, whatever comes to join it
    ("Ils viendront s'ajouter au réseau de vidéoprotection le plus dense de France, fort de 884 caméras.",
     [("cameras", 884)]),
    ("Le centre, riche de plus de 300 caméras, accueillera bientôt deux opérateurs.", [("cameras", 300)]),
])
def test_a_network_strong_of_its_cameras_has_them_now(text, expected):
    figures = extract_text(text, place_hint="Cannes")
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == expected


def test_a_verb_of_reaching_in_the_present_tells_the_count_now():
    text = ("La SNCF veut passer à 25 000 caméras en 2013. D'après l'opérateur, le bilan au 1er décembre 2010 atteint "
            "16 400 caméras.")
    assert [(f.metric, f.value) for f in extract_text(text)] == [("cameras_planned", 25_000), ("cameras", 16_400)]


@pytest.mark.parametrize(("text", "expected"), [
    # put up over a span of years, or a part dated by its own words: what was added then
    ("Le président voulait accélérer, et c'est ce que nous avons fait avec 150 caméras installées en quatre ans.",
     [("cameras_added", 150)]),
    ("Un investissement régulier : 15 175 caméras installées depuis 10 ans dans le Doubs.",
     [("cameras_added", 15_175)]),
    ("Depuis 2016, elle s'est équipée de 25 caméras, dont 14 cette année.", [("cameras", 25), ("cameras_added", 14)]),
    # a network there for ten years is a stock
    ("La ville dispose depuis dix ans de 30 caméras.", [("cameras", 30)]),
])
def test_put_up_over_years_or_in_a_dated_part(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Cahors")] == expected


def test_a_count_s_own_words_begin_at_a_new_clause_not_at_a_word_that_starts_like_que():
    from extractors.count_scope import from_previous_count

    assert from_previous_count("18 caméras sont en service et qu'en tout ") == len("18 caméras sont en service et qu'")
    assert from_previous_count("la ville a 18 caméras et quelques ") == 0  # "quelques" opens no clause


@pytest.mark.parametrize(("text", "expected"), [
    # the page records a budget's decision, but this count's own clause is told in the past
    ("La dépense ne figurait pas au budget primitif. C'est en 2010 que la ville s'est lancée dans la "
     "vidéoprotection, avec une première salve de 21 caméras, posées en centre-ville.", [("cameras", 21)]),
    # a count with no tense of its own on such a page is what the decision will pay for
    ("La dépense figure au budget primitif. Programme : 21 caméras, posées en centre-ville.",
     [("cameras_planned", 21)]),
    # or told in the imperfect: what the system was
    ("La dépense figure au budget primitif. Le dispositif initial comportait 21 caméras (coût d'installation "
     "d'environ 370 000 €).", [("cameras", 21)]),
])
def test_a_pages_decision_does_not_reach_a_count_told_in_the_past(text, expected):
    figures = [(f.metric, f.value) for f in extract_text(text, place_hint="Vitré") if f.metric.startswith("cameras")]
    assert figures == expected


@pytest.mark.parametrize(("text", "expected"), [
    # an installation a verb in the compound past tells as done is no plan
    ("En juillet dernier, le maire a suivi de près l'installation de dix caméras, posées aux entrées de la ville.",
     "cameras"),
    ("La mairie a dressé un premier bilan de l'installation de 13 caméras de vidéoprotection.", "cameras"),
    # a review ("bilan") of an installation reviews what was done, whatever verb tells the review
    ("A-t-on présenté un bilan de l'installation de 7 caméras dans la commune ?", "cameras"),
    # the installation is the subject of the compound past: it was paid for, so done
    ("L'installation de dix caméras dans les écoles a coûté 36 000 euros.", "cameras"),
    ("L'installation de 12 caméras a été votée en conseil municipal.", "cameras_planned"),
    # a decision, a consent, a bet or work begun is not an installation done
    ("Le conseil a voté l'installation de 12 caméras.", "cameras_planned"),
    ("La préfecture a donné son accord pour la pose de 45 caméras sur l'ensemble de la commune.", "cameras_planned"),
    ("L'entreprise a débuté l'installation de 18 caméras.", "cameras_planned"),
    ("Le maire avait aussi promis l'installation de 100 caméras.", "cameras_planned"),
])
def test_an_installation_told_as_done_or_as_decided(text, expected):
    figures = extract_text(text, place_hint="Coutances")
    assert [f.metric for f in figures if f.metric.startswith("cameras")] == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    # cameras that joined the network just before are what was added, whatever the network holds
    ("Deux caméras « mobiles » sont venues compléter l'équipement de la mairie.", ("cameras_added", 2)),
    ("Douze caméras se sont ajoutées aux 40 du centre.", ("cameras_added", 12)),
    # a coming, not a joining: no count of what was added
    ("Deux caméras sont venues en 2019.", ("cameras", 2)),
])
def test_cameras_that_joined_the_network_were_added(text, expected):
    figures = extract_text(text, place_hint="Carmaux", second_opinion=False)
    assert [(f.metric, f.value) for f in figures][0] == expected


def test_going_hand_in_hand_is_no_future():
    # "aller de pair" tells what goes with what, not what is to come
    text = ("Cette montée en puissance va de pair avec des équipements modernes : 3 voitures de police et surtout "
            "92 caméras déployées sur la commune.")
    figures = extract_text(text, place_hint="Lourdes", second_opinion=False)
    assert [(f.metric, f.value) for f in figures if f.metric.startswith("cameras")] == [("cameras", 92)]


def test_counting_on_installing_some_is_an_intention():
    # "compter en installer": an intention with "en" standing for the cameras, not a verb of having
    text = "En 2014, la ville comptait 50 caméras ; en 2018, la municipalité compte en installer 18 autres."
    figures = extract_text(text, place_hint="Tours", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 50), ("cameras_planned", 18)]


def test_adding_some_in_the_present_is_an_increment():
    # "qui en ajoute 7": some more, added now, beside what the town had
    text = "Quimper, qui comptait 15 caméras et qui en ajoute 7 autour de la mairie, étoffe son réseau."
    figures = extract_text(text, place_hint="Quimper", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == [("cameras", 15), ("cameras_added", 7)]


@pytest.mark.parametrize(("text", "expected"), [
    # a network grown in the past: what grew it was added
    ("Elle a étoffé de 11 caméras supplémentaires le dispositif, le portant à 57 caméras en tout.",
     [("cameras_added", 11), ("cameras", 57)]),
    ("La ville a renforcé son dispositif de 8 caméras supplémentaires.", [("cameras_added", 8)]),
    ("Le contingent a été complété à la fin de l'année 2010 par 22 caméras.", [("cameras_added", 22)]),
])
def test_a_network_grown_in_the_past(text, expected):
    figures = extract_text(text, place_hint="Orange", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == expected


# What the words around a count tell of its kind (stock, plan or increment), rule by rule; each case failed on the
# code before its rule.
KINDS_TOLD = [
    # the system named as it stands ("actuel", "existant") is there, whatever the sentence plans for it
    ("Il promet une caméra par rue, ce qui supposerait de doubler le parc actuel de 710 caméras.",
     [("cameras", 710)]),
    ("Le projet doublera le réseau actuel de 120 caméras.", [("cameras", 120)]),
    # up since a year or for years: there now, not to come
    ("Le maillage de 454 caméras fixes, installées depuis 2014, va accueillir dix caméras mobiles.",
     [("cameras", 454), ("cameras_planned", 10)]),
    ("Le dispositif reposera sur 37 caméras positionnées depuis 2011.", [("cameras", 37)]),
    # since a month: within a period, no claim on what stands
    ("La ville installera 12 caméras, posées depuis janvier sur d'autres sites.", [("cameras_planned", 12)]),
    # a set told with the definite article, then in service now: the network, whatever its participle dates
    ("Les 14 caméras installées en novembre 2021 dans toute la commune sont opérationnelles depuis le 1er mars 2022.",
     [("cameras", 14)]),
    # new ones stay added, and a service to come stays a plan
    ("Les 14 nouvelles caméras installées en 2021 sont opérationnelles.", [("cameras_added", 14)]),
    ("Les 30 caméras posées en 2023 seront opérationnelles fin 2024.", [("cameras_planned", 30)]),
    # an auxiliary of a compound past is no verb of having: the decision's tense decides
    ("Le PVPP, décidé en 2010, avait été conçu au départ pour déployer 1 000 caméras sur le territoire parisien.",
     [("cameras_planned", 1000)]),
    ("Les élus ont adopté une enveloppe pour doubler le parc existant et passer de 200 à 400 caméras.",
     [("cameras", 200), ("cameras_planned", 400)]),
    # counting on putting up is an intent, not a count of what there is
    ("La liste compte par ailleurs installer quelque 120 caméras pour sécuriser la ville.", [("cameras_planned", 120)]),
    # having, and counting, in the present stay a stock
    ("Ils ont déjà 12 caméras.", [("cameras", 12)]),
    ("Nous avons aujourd'hui 40 caméras.", [("cameras", 40)]),
    ("La ville compte aujourd'hui 88 caméras.", [("cameras", 88)]),
    # where an infinitive of change is to lead: a target
    ("Le maire entend doubler le nombre de caméras pour passer de 50 à 100.",
     [("cameras", 50), ("cameras_planned", 100)]),
    ("Sécurité :\nFaire augmenter le nombre de caméras de surveillance de 120 à 150.",
     [("cameras", 120), ("cameras_planned", 150)]),
    # where a past verb over it led, or a finite past: what there is
    ("En six ans, la majorité sortante a fait passer le nombre de caméras de 8 à 41.",
     [("cameras", 8), ("cameras", 41)]),
    ("Le nombre de caméras est passé de 30 à 130.", [("cameras", 30), ("cameras", 130)]),
    # an imperfect in -er keeps no "er" before its ending (the small model reads "dénombrait" as a future)
    ("Pour une ville de 50 000 habitants, on dénombrait, en 2018, 88 caméras.",
     [("population", 50000), ("cameras", 88)]),
    ("En 2027, on dénombrerait 88 caméras.", [("cameras_planned", 88)]),
    # a future or a conditional in -er keeps its "er" (the small model reads some as presents)
    ("En 2027, nous disposerons d'un système opérationnel d'une cinquantaine de caméras qui surveilleront les "
     "grandes artères.", [("cameras_planned", 50)]),
    ("Au total, 65 caméras scruteront la ville.", [("cameras_planned", 65)]),
    # a conditional of having that belittles the count reports what there is, not a plan
    ("La commune, qui compte plus de 25 000 habitants, possèderait seulement 5 caméras.",
     [("population", 25000), ("cameras", 5)]),
    ("Selon l'opposition, la ville ne disposerait que de 12 caméras.", [("cameras", 12)]),
    ("En 2030, la commune disposerait de 40 caméras.", [("cameras_planned", 40)]),
    # "autres" with a noun of its own counts that noun, not more cameras; with a verb it is more cameras
    ("La première phase prévoit l'installation de 42 caméras. Deux autres phases sont programmées en 2024.",
     [("cameras_planned", 42)]),
    ("La ville a 42 caméras. Les 16 autres prendront place en 2015.", [("cameras", 42), ("cameras_planned", 16)]),
    # a state in the imperfect is the stock then, as the present's is now
    ("En 2014, sept caméras étaient en place.", [("cameras", 7)]),
    ("En 2014, sept caméras ont été installées.", [("cameras_added", 7)]),
    # "compte" after a name and before a count is the verb (the small model reads a noun), in the present
    ("Mennecy compte autour de 160 caméras et le maire espère en installer 20 supplémentaires par an.",
     [("cameras", 160), ("cameras_planned", 20)]),
]


@pytest.mark.parametrize(("text", "expected"), KINDS_TOLD)
def test_the_kind_the_words_around_a_count_tell(text, expected):
    figures = extract_text(text, place_hint="Toulouse", second_opinion=False)
    assert [(f.metric, f.value) for f in figures] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "désormais" inside a periphrastic future is where the future starts from, not a state of now
    ("Avec ces 20 caméras supplémentaires, la commune va désormais en compter 1 050.",
     [("cameras_planned", 20), ("cameras_planned", 1050)]),
    ("La commune va désormais compter 60 caméras.", [("cameras_planned", 60)]),
    # a plain "désormais" is now
    ("La commune compte désormais 60 caméras.", [("cameras", 60)]),
])
def test_from_now_on_inside_a_future_is_the_futures(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lognes")] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # "entend installer": an intention, with the verb it intends
    ("La municipalité entendait porter de 21 à 40 le nombre de caméras.", [("cameras", 21), ("cameras_planned", 40)]),
    # a future passive of spreading cameras out, past an aside that holds another count
    ("Pour 2016, 80 caméras, en complément des 36 premières, seront réparties sur le territoire.",
     [("cameras_planned", 80)]),
    # a count set apart with a time gone keeps that time, whatever the clause after it intends
    ("Le parc monte en puissance : riche d'une quarantaine de caméras au début du mandat, en 2020, la nouvelle "
     "équipe municipale veut développer cet outil.", [("cameras", 40)]),
])
def test_intentions_and_counts_of_a_time_gone(text, expected):
    assert [(f.metric, f.value) for f in extract_text(text, place_hint="Lognes")] == expected


@pytest.mark.parametrize(("text", "date"), [
    ("D'ici à trois ans, la sous-préfecture comptera 35 caméras de vidéoprotection.", "2026"),
    ("Douze caméras seront posées d'ici à la fin de l'année.", "2023-12"),
    ("Douze caméras seront posées d'ici à Noël.", "2023-12"),
])
def test_d_ici_a_is_d_ici(text, date):
    """ "d'ici à" is the same deadline as "d'ici"."""
    assert [f.date for f in extract_text(text, published="2023-01-27", place_hint="Yssingeaux")] == [date]


@pytest.mark.parametrize(("text", "date"), [
    ("Dix caméras ont été posées en mai.", "2022-05"),  # said in January: the May gone
    ("La ville a installé dix caméras en octobre.", "2022-10"),
    ("Dix caméras seront posées en mai.", "2023-05"),  # to come: the May ahead
])
def test_a_month_without_its_year_takes_the_time_its_clause_tells(text, date):
    assert [f.date for f in extract_text(text, published="2023-01-27", place_hint="Yssingeaux")] == [date]
