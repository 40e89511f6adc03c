"""Words and phrases the article generator builds news prose from. All invented for these tests.

Prose only: nothing here is a promo phrase, so an article built from it is clean by construction, and a rule that
removes any of it is removing article text.
"""

from __future__ import annotations

# (sentence-initial form, inside-a-sentence form)
SUBJECTS = (
    ("The council", "the council"),
    ("The harbour authority", "the harbour authority"),
    ("A spokesperson for the trust", "a spokesperson for the trust"),
    ("Residents of Millbrook Road", "residents of Millbrook Road"),
    ("The chief executive", "the chief executive"),
    ("Dr Amara Okafor", "Dr Amara Okafor"),
    ("Inspector Tomás Ribeiro", "Inspector Tomás Ribeiro"),
    ("The water company", "the water company"),
    ("Local traders", "local traders"),
    ("The museum's director", "the museum's director"),
    ("Zoë Lindqvist", "Zoë Lindqvist"),
    ("Seo-yeon Park", "Seo-yeon Park"),
    ("The rail operator", "the rail operator"),
    ("Ministers", "ministers"),
    ("The nurses' union", "the nurses' union"),
    ("Farmers in the upper valley", "farmers in the upper valley"),
    ("Two of the three bidders", "two of the three bidders"),
    ("Łukasz Wiśniewski, who runs the ferry café,", "Łukasz Wiśniewski, who runs the ferry café,"),
    ("The school's head teacher", "the school's head teacher"),
    ("Björn Sæther", "Björn Sæther"),
    ("The regional health board", "the regional health board"),
    ("Campaigners", "campaigners"),
    ("The mayor of São Tomé de Baixo", "the mayor of São Tomé de Baixo"),
    ("A group of volunteers", "a group of volunteers"),
    ("The planning committee", "the planning committee"),
    ("Ngozi Adeyemi-Clarke", "Ngozi Adeyemi-Clarke"),
    ("The county's fire service", "the county's fire service"),
    ("Shopkeepers on the high street", "shopkeepers on the high street"),
)

VERBS = (
    "approved",
    "rejected",
    "delayed",
    "unveiled",
    "criticised",
    "defended",
    "published",
    "postponed",
    "reviewed",
    "welcomed",
    "questioned",
    "extended",
    "scaled back",
    "paid for",
    "objected to",
    "signed off",
    "costed",
    "redrew",
)

OBJECTS = (
    "plans for a new footbridge over the river",
    "the revised budget",
    "a report on flood defences",
    "the closure of the night shelter",
    "a 12-month trial of electric buses",
    "its forecast for the year",
    "the bid to host the regional games",
    "the proposed levy on second homes",
    "a review of school meals",
    "changes to the bin collection rota",
    "the sale of the old fire station",
    "the café's late licence",
    "a scheme to insulate 400 council homes",
    "the timetable for the coastal path",
    "the new parking zones around the hospital",
    "the merger of the two libraries",
    "a deal with the bus company",
    "the repairs to the Victorian pier",
    "the clinic's weekend opening hours",
    "the route of the relief road",
)

WHEN = (
    "on Monday",
    "on Tuesday evening",
    "last week",
    "earlier this month",
    "in March",
    "after a two-hour meeting",
    "for the second time this year",
    "before the summer recess",
    "at a packed public meeting",
    "late on Friday",
    "in a letter to parents",
    "within hours of the vote",
    "",
)

HOW = (
    "after months of delays",
    "despite strong objections",
    "with little debate",
    "to the surprise of many",
    "without a formal vote",
    "in a narrow decision",
)

PARTICIPLES = (
    "approved",
    "delayed",
    "ruled out",
    "underestimated",
    "misjudged",
    "promised",
    "put on hold",
    "reconsidered",
)

QUOTE_BODIES = (
    "We have waited long enough for this",
    "Nobody told us the road would close",
    "It is a good day for the town",
    "The numbers simply do not add up",
    "We will keep the doors open as long as we can",
    "I have lived here for forty years and never seen anything like it",
    "This is not the end of the matter",
    "People deserve a straight answer",
    "We are not against change, we are against this change",
    "The river does not care about our budget",
    "Honestly, we expected it to be worse",
    "Children should not have to walk two miles to school",
)

SPEAKERS = (
    "said Priyanka Rao, who chairs the residents' association",
    "said Mr Haddad",
    "she said",
    "he said",
    "said Councillor Efua Boateng",
    "said Jürgen Vogt, a retired engineer",
    "said one trader, who asked not to be named",
    "said Aoife Ní Bhriain",
    "they said in a statement",
    "said Mateus Oliveira of the cyclists' group",
)

MEASURES = (
    "Ticket sales",
    "House prices in the district",
    "The number of visitors",
    "Waiting times at the clinic",
    "Spending on repairs",
    "Bus passenger numbers",
    "Applications for the scheme",
    "The cost of the project",
)

MOVES = ("rose", "fell", "climbed", "dropped", "grew", "slipped")

PERIODS = (
    "in the first three months of the year",
    "over the summer",
    "compared with a year earlier",
    "since the bridge reopened",
    "last year",
)

SOURCES = (
    "according to figures published on Wednesday",
    "the annual report showed",
    "officials said",
    "a survey by the chamber of commerce found",
    "",
)

CONNECTIVES = ("but", "and", "while", "although", "because")

QUESTIONS = (
    "What happens next is far from clear.",
    "Why did it take so long?",
    "Who will pay for the repairs remains an open question.",
    "Is the plan affordable?",
    "Whether the trial will be extended is yet to be decided.",
)

# Other languages, by frame: the generator fills {place}, {obj} and {when} from the same language's lists.
FOREIGN = (
    (
        "La mairie de {place} a présenté {obj} {when}.",
        ("Lyon", "Saint-Étienne", "Besançon", "Pointe-à-Pitre"),
        ("un projet de piste cyclable", "le budget révisé", "la rénovation de l'école", "un nouveau marché couvert"),
        ("lundi", "la semaine dernière", "après une longue réunion", "en début de mois"),
    ),
    (
        "Der Stadtrat von {place} hat {obj} {when} beschlossen.",
        ("Görlitz", "Münster", "Zürich", "Oldenburg"),
        ("den Umbau des Bahnhofs", "eine neue Buslinie", "die Schließung des Hallenbads", "höhere Parkgebühren"),
        ("am Dienstag", "nach langer Debatte", "überraschend", "im zweiten Anlauf"),
    ),
    (
        "El ayuntamiento de {place} aprobó {obj} {when}.",
        ("Cádiz", "Logroño", "Alcalá de Henares", "León"),
        ("la ampliación del puerto", "un plan de vivienda", "la reforma de la plaza", "el nuevo horario del metro"),
        ("el jueves", "tras meses de espera", "por unanimidad", "sin apenas debate"),
    ),
    (
        "Rada miasta {place} przyjęła {obj} {when}.",
        ("Łódź", "Gdańsk", "Wrocław", "Białystok"),
        ("nowy budżet", "plan remontu dworca", "projekt ścieżki rowerowej", "zmiany w rozkładzie jazdy"),
        ("w poniedziałek", "po długiej dyskusji", "jednogłośnie", "w zeszłym tygodniu"),
    ),
)

# Scripts without spaces between words or without Latin letters; each a full sentence.
OTHER_SCRIPTS = (
    "市议会周一批准了新的公交线路计划。",
    "港の再開発計画は来月から始まる予定だ。",
    "Городской совет одобрил ремонт старого моста в среду.",
    "Το δημοτικό συμβούλιο ενέκρινε τον νέο προϋπολογισμό την Τρίτη.",
    "시의회는 화요일에 새 예산안을 승인했다.",
)

HEAD_TOPICS = (
    "Harbour bridge plan",
    "Night shelter",
    "Zürich tram strike",
    "Library merger",
    "£4m pier repairs",
    "Millbrook Road residents",
    "The Łódź bakery",
    "Coastal path timetable",
    "School meals review",
    "Relief road route",
    "Hospital parking zones",
    "Café licence row",
    "Electric bus trial",
    "Fire station sale",
)

HEAD_TAILS = (
    "delayed again",
    "wins a reprieve",
    "ends after nine days",
    "faces fresh questions",
    "goes back to the drawing board",
    "splits the town",
    "explained",
    "in numbers",
    "what happens next",
    "costs more than expected",
    "gets the green light",
    "still has no date",
)

LIST_ITEMS = (
    "Fresh bread from the market stall",
    "2 litres of milk",
    "The old fire station on Quay Street",
    "A new crossing outside the primary school",
    "Longer opening hours at weekends",
    "Free entry for under-16s",
    "Three extra buses on the 42 route",
    "Repairs to the sea wall",
    "A café in the former ticket office",
    "Step-free access at both stations",
    "Tickets cost £12, or £8 for children",
    "Zoë's recipe for rye crispbread",
    "Electric charging points in the main car park",
    "Ramón Ortiz, treasurer",
    "A review after six months.",
    "The clinic will open on Saturdays.",
)
