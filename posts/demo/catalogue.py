"""The demo's authors and posts, as plain data.

Add a demo post by adding a DemoPost to POSTS (and its authors to AUTHORS).
Posts are found again by slug, so editing a text here does not duplicate it;
an existing database keeps its old text until the post is deleted.
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils.html import escape

from . import diaspora


@dataclass(frozen=True)
class DemoAuthor:
    slug: str
    name: str
    role: str
    organisation: str
    bio: str
    colour: str  # background of the generated portrait


@dataclass(frozen=True)
class DemoPost:
    slug: str
    title: str
    summary: str
    body: str
    topics: list[str]
    authors: list[str]  # author slugs, in the order shown on the post
    # Exactly one of these: a fixed date, or a number of days before today.
    published_at: datetime | None = None
    days_ago: int | None = None
    status: str = "published"
    scheduled_in_days: int | None = None  # published, but this many days ahead
    attachment_title: str | None = None  # a PDF of the post is attached when set
    popularity: int = 10  # average daily reads in the demo activity
    trend: float = 0.0  # how much more it is read lately (0: flat)
    language: str = "en"
    translation_of: str | None = None  # the slug of the original post


def compose_body(
    intro: str, context: str, lessons: list[str], quote: str, links: list[tuple[str, str]]
) -> str:
    """A rich body in the house pattern: lead-in, context, lessons, a quote, links."""
    items = "".join(f"<li>{lesson}</li>" for lesson in lessons)
    link_items = "".join(f'<li><a href="{href}">{escape(text)}</a></li>' for text, href in links)
    return (
        f"<p>{intro}</p>"
        f"<h2>Context</h2><p>{context}</p>"
        f"<h2>What we learned</h2><ul>{items}</ul>"
        f"<blockquote><p>{quote}</p></blockquote>"
        "<h3>Where to read more</h3>"
        f"<ul>{link_items}</ul>"
    )


AUTHORS = [
    DemoAuthor(
        slug="elena-markovic",
        name="Elena Marković",
        role="Migration advisor",
        organisation="Practitioners' Network for Migration and Development",
        bio=(
            "Elena has advised governments and municipalities in the Western Balkans and "
            "the South Caucasus on diaspora engagement and labour mobility for fifteen years."
        ),
        colour="#1f6f8b",
    ),
    DemoAuthor(
        slug="tamar-beridze",
        name="Tamar Beridze",
        role="Programme manager",
        organisation="Regional Office for the South Caucasus",
        bio=(
            "Tamar manages programmes on migration, skills and local economic development "
            "from Tbilisi, and coordinates the network's peer exchanges."
        ),
        colour="#8b3a62",
    ),
    DemoAuthor(
        slug="jonas-weber",
        name="Jonas Weber",
        role="Evaluation specialist",
        organisation="Practitioners' Network",
        bio=(
            "Jonas designs evaluations that programme teams can actually use, and writes "
            "about learning from failure."
        ),
        colour="#4a6d2f",
    ),
    DemoAuthor(
        slug="ana-rusu",
        name="Ana Rusu",
        role="Labour market economist",
        organisation="Centre for Skills and Employment",
        bio=(
            "Ana studies labour migration, vocational training and youth employment in "
            "Eastern Europe."
        ),
        colour="#b5651d",
    ),
    DemoAuthor(
        slug="daniel-okafor",
        name="Daniel Okafor",
        role="Climate adaptation adviser",
        organisation="Practitioners' Network",
        bio=(
            "Daniel works with local governments on adaptation plans, water and "
            "climate-related mobility."
        ),
        colour="#2e5e4e",
    ),
    DemoAuthor(
        slug="sofia-lindqvist",
        name="Sofia Lindqvist",
        role="Knowledge manager",
        organisation="Practitioners' Network",
        bio=(
            "Sofia runs the network's learning briefs and helps teams turn project "
            "experience into something others can reuse."
        ),
        colour="#5b4a9b",
    ),
    DemoAuthor(
        slug="armen-petrosyan",
        name="Armen Petrosyan",
        role="Local governance specialist",
        organisation="Municipal Development Forum",
        bio=(
            "Armen supports municipalities with participatory budgeting, public services "
            "and digital tools for citizens."
        ),
        colour="#9b2d20",
    ),
]

POSTS = [
    DemoPost(
        slug=diaspora.SLUG,
        title=diaspora.TITLE,
        summary=diaspora.SUMMARY,
        body=diaspora.BODY,
        topics=diaspora.TOPICS,
        authors=diaspora.AUTHORS,
        published_at=diaspora.PUBLISHED_AT,
        attachment_title=diaspora.ATTACHMENT_TITLE,
        popularity=30,
        trend=1.5,
    ),
    DemoPost(
        slug="hometown-associations-as-development-partners",
        title="Hometown associations as development partners",
        summary=(
            "Villages with many people abroad often have an informal association behind "
            "every new roof on the school. How municipalities can work with them."
        ),
        body=compose_body(
            "Hometown associations are small, informal and very effective. They raise money "
            "among people from the same village and fund repairs that everyone can see.",
            "We worked with twelve municipalities that wanted to match diaspora donations "
            "with public money. Most had never signed an agreement with a group that had no "
            "legal registration.",
            [
                "A one-page co-financing agreement did more than a long manual.",
                "Publishing every receipt online built trust on both sides.",
                "Maintenance must be planned and budgeted before the ribbon is cut.",
            ],
            "The money was never the hard part. Agreeing who would look after the new "
            "water pipe was.",
            [("IOM: diaspora engagement", "https://www.iom.int/diaspora-engagement")],
        ),
        topics=["Diaspora", "Local governance", "Remittances"],
        authors=["armen-petrosyan", "elena-markovic"],
        days_ago=3,
        attachment_title="Model co-financing agreement (PDF)",
        popularity=18,
        trend=2.0,
    ),
    DemoPost(
        slug="making-remittances-cheaper-and-safer",
        title="Making remittances cheaper and safer",
        summary=(
            "Sending money home still costs too much. Three practical steps that lowered "
            "fees for migrant families without telling them how to spend their money."
        ),
        body=compose_body(
            "Remittances are private money. Public policy should not steer them, but it can "
            "make sending them cheaper, faster and safer.",
            "Fees on small transfers to the region were well above the global target. Many "
            "migrants still carried cash on buses because they did not trust transfer "
            "services.",
            [
                "Price comparison websites changed behaviour when they were in migrants' "
                "own language.",
                "Financial literacy sessions worked best before departure, not after.",
                "Mobile wallets helped only where local shops accepted them.",
            ],
            "My mother does not need an app. She needs the money to arrive on Friday.",
            [
                (
                    "World Bank: remittance prices worldwide",
                    "https://remittanceprices.worldbank.org/",
                )
            ],
        ),
        topics=["Remittances", "Migration", "Digital inclusion"],
        authors=["ana-rusu"],
        days_ago=9,
        popularity=12,
    ),
    DemoPost(
        slug="skills-partnerships-that-work-for-both-sides",
        title="Skills partnerships that work for both sides",
        summary=(
            "Training people for jobs abroad can drain a country of skills, or strengthen "
            "it. What made the difference in two pilot partnerships."
        ),
        body=compose_body(
            "A skills partnership trains people in the country of origin, for jobs both at "
            "home and abroad, with costs shared by employers in the destination country.",
            "Two pilots trained nurses and welders. Half of each cohort was meant to stay "
            "and work at home.",
            [
                "The home track needs wages that make staying a real choice.",
                "Employers abroad joined when recognition of diplomas was settled first.",
                "Training centres gained new equipment that served all students.",
            ],
            "We did not want to train people only to lose them. Now the school is better "
            "for everyone.",
            [("OECD: international migration", "https://www.oecd.org/migration/")],
        ),
        topics=["Skills", "Labour mobility", "Youth employment"],
        authors=["ana-rusu", "tamar-beridze"],
        days_ago=14,
        attachment_title="Pilot partnership overview (PDF)",
        popularity=14,
        trend=1.0,
    ),
    DemoPost(
        slug="evaluating-what-we-cannot-count",
        title="Evaluating what we cannot count",
        summary=(
            "Trust, confidence and networks are what many of our programmes build, and "
            "they resist numbers. Methods that helped us see them anyway."
        ),
        body=compose_body(
            "Log frames love numbers: people trained, grants paid, events held. The changes "
            "that matter most are often harder to count.",
            "We tested outcome harvesting and most-significant-change stories in three "
            "programmes alongside the usual indicators.",
            [
                "Stories collected by peers were more honest than those collected by staff.",
                "Short, regular reflection meetings beat one big final evaluation.",
                "Numbers and stories together convinced donors more than either alone.",
            ],
            "The indicator said 40 people trained. The story said one of them now runs the "
            "training.",
            [("BetterEvaluation", "https://www.betterevaluation.org/")],
        ),
        topics=["Evaluation", "Development"],
        authors=["jonas-weber"],
        days_ago=21,
        popularity=8,
    ),
    DemoPost(
        slug="when-the-river-moves-climate-and-mobility",
        title="When the river moves: climate change and mobility in mountain villages",
        summary=(
            "Floods and droughts already push people to move. How three municipalities "
            "planned for it instead of waiting for the next emergency."
        ),
        body=compose_body(
            "Climate change rarely makes people move on its own; it adds pressure to "
            "decisions families were already weighing.",
            "Three mountain municipalities mapped which households were most exposed to "
            "floods and landslides, and asked them what would help them stay, or leave "
            "safely.",
            [
                "Planned relocation needs years of consultation, not months.",
                "Remittances often paid for the first adaptation measures.",
                "Early warning by text message reached more people than sirens.",
            ],
            "We are not climate refugees. We are farmers who need a road that does not wash away.",
            [("IPCC: impacts and adaptation", "https://www.ipcc.ch/report/ar6/wg2/")],
        ),
        topics=["Climate adaptation", "Migration", "Local governance"],
        authors=["daniel-okafor"],
        days_ago=5,
        attachment_title="Municipal adaptation checklist (PDF)",
        popularity=16,
        trend=2.5,
    ),
    DemoPost(
        slug="women-returning-home-after-work-abroad",
        title="Women returning home after work abroad",
        summary=(
            "Women who come back after years of care work abroad bring skills that local "
            "labour markets rarely recognise. What reintegration support made a difference."
        ),
        body=compose_body(
            "Return is often described as the happy end of a migration story. For many "
            "women it is the start of a difficult new chapter.",
            "We followed sixty women who returned after working in care, cleaning and "
            "hospitality abroad.",
            [
                "Recognition of informal care experience opened jobs in social services.",
                "Childcare during training decided who could take part.",
                "Peer groups of returnees reduced isolation more than counselling.",
            ],
            "Abroad I was a nurse in everything but name. At home they asked for a diploma.",
            [("UN Women: migration", "https://www.unwomen.org/en/what-we-do/migration")],
        ),
        topics=["Gender", "Labour mobility", "Skills"],
        authors=["tamar-beridze", "sofia-lindqvist"],
        days_ago=30,
        popularity=9,
    ),
    DemoPost(
        slug="first-jobs-for-young-people-in-small-towns",
        title="First jobs for young people in small towns",
        summary=(
            "Young people leave small towns because the first job is missing. Employers, "
            "schools and municipalities found ways to create it together."
        ),
        body=compose_body(
            "The decision to emigrate is often made in the year after school, when a first "
            "job fails to appear.",
            "In four small towns, we brought together employers, vocational schools and "
            "municipal employment offices to design paid traineeships.",
            [
                "Paid traineeships kept young people; unpaid ones sped up their departure.",
                "Employers valued a named contact at the school above any subsidy.",
                "A visible local success story was the best recruitment tool.",
            ],
            "I was going to leave in September. Then the bakery offered me a place.",
            [("ILO: youth employment", "https://www.ilo.org/topics/youth-employment")],
        ),
        topics=["Youth employment", "Skills", "Local governance"],
        authors=["ana-rusu"],
        days_ago=40,
        popularity=11,
        trend=0.5,
    ),
    DemoPost(
        slug="digital-services-for-citizens-abroad",
        title="Digital services for citizens abroad",
        summary=(
            "A consular appointment can cost a day's travel and a day's wage. Putting "
            "services online brought the state closer to its citizens abroad."
        ),
        body=compose_body(
            "For citizens living abroad, the state is often a long queue at a consulate in "
            "another city.",
            "A ministry moved the ten most requested documents online and asked emigrants "
            "to test every step.",
            [
                "Testing with real users abroad found problems no one in the capital saw.",
                "Electronic signatures must work with foreign phone numbers.",
                "Trust grew when people could track their request online.",
            ],
            "For the first time, my country answered me on a Sunday evening.",
            [
                (
                    "OECD: digital government",
                    "https://www.oecd.org/en/topics/digital-government.html",
                )
            ],
        ),
        topics=["Digital inclusion", "Diaspora", "Local governance"],
        authors=["armen-petrosyan"],
        days_ago=55,
        popularity=7,
    ),
    DemoPost(
        slug="learning-from-projects-that-failed",
        title="Learning from projects that failed",
        summary=(
            "Our network agreed to write up one failed project a year. What we learned from "
            "the first five, and why sharing them was worth the discomfort."
        ),
        body=compose_body(
            "Every practitioner knows a project that did not work. Few of them are written "
            "down, and so the same mistakes are repeated elsewhere.",
            "Five teams wrote honest accounts of projects that missed their goals, and "
            "discussed them with peers in a closed workshop before publishing.",
            [
                "Most failures were visible early; no one had permission to say so.",
                "Assumptions about partners' capacity were the most common weak point.",
                "Teams that shared failures were trusted more by donors, not less.",
            ],
            "Nobody was punished for the report. Several people were thanked for it.",
            [("Admitting Failure", "https://www.admittingfailure.org/")],
        ),
        topics=["Evaluation", "Development"],
        authors=["jonas-weber", "sofia-lindqvist"],
        days_ago=70,
        popularity=10,
    ),
    DemoPost(
        slug="labour-mobility-agreements-in-eastern-europe",
        title="Labour mobility agreements in Eastern Europe: what practitioners see",
        summary=(
            "Bilateral agreements promise safe, legal work abroad. From recruitment to "
            "return, where they helped migrants and where the promise fell short."
        ),
        body=compose_body(
            "Bilateral labour agreements are signed by ministers, but they are lived by "
            "seasonal workers in fields and warehouses.",
            "We interviewed workers, recruiters and labour inspectors about four agreements "
            "covering agriculture, construction and care.",
            [
                "Fair recruitment depended on banning fees charged to workers.",
                "Information in the workers' language before departure prevented most disputes.",
                "Return was rarely planned; skills gained abroad went unrecognised.",
            ],
            "The contract was fine. Nobody had explained it to me.",
            [
                (
                    "ILO: fair recruitment initiative",
                    "https://www.ilo.org/fair-recruitment-initiative",
                )
            ],
        ),
        topics=["Labour mobility", "Migration", "Eastern Europe"],
        authors=["ana-rusu", "elena-markovic"],
        days_ago=90,
        attachment_title="Checklist for fair recruitment (PDF)",
        popularity=13,
        trend=0.8,
    ),
    DemoPost(
        slug="participatory-budgets-in-mountain-municipalities",
        title="Participatory budgets in mountain municipalities",
        summary=(
            "Letting residents decide part of the budget sounds simple. In villages with "
            "many people away, it raised a question: who gets a vote?"
        ),
        body=compose_body(
            "Participatory budgeting lets residents propose and vote on small public "
            "projects. It strengthens trust in local government when people see results.",
            "Six municipalities tried it, and three allowed residents working abroad to "
            "vote online.",
            [
                "Online voting doubled participation, mostly thanks to people abroad.",
                "Projects chosen with the diaspora leaned towards schools and roads.",
                "Clear rules on who may vote avoided conflict later.",
            ],
            "My son votes from Germany and I vote here. This year we chose the same project.",
            [("Participatory Budgeting Project", "https://www.participatorybudgeting.org/")],
        ),
        topics=["Local governance", "Diaspora", "South Caucasus"],
        authors=["armen-petrosyan", "tamar-beridze"],
        days_ago=120,
        popularity=8,
    ),
    DemoPost(
        slug="water-stress-and-seasonal-migration",
        title="Water stress and seasonal migration",
        summary=(
            "When wells dry up in summer, young men leave for seasonal work. Small "
            "investments in water management changed that calculation in some villages."
        ),
        body=compose_body(
            "Seasonal migration has many causes. In some of the villages we work with, the "
            "water calendar is one of the strongest.",
            "Together with water user associations, we repaired irrigation channels and "
            "introduced drip irrigation on demonstration plots.",
            [
                "Repairs chosen by water users lasted longer than those chosen by engineers.",
                "Remittances co-financed a third of the investments.",
                "Women's participation in water committees improved maintenance.",
            ],
            "With water in August, my brother stayed for the harvest.",
            [("FAO: water scarcity", "https://www.fao.org/land-water/water/water-scarcity/en/")],
        ),
        topics=["Climate adaptation", "Labour mobility", "Gender"],
        authors=["daniel-okafor", "jonas-weber"],
        days_ago=150,
        popularity=6,
    ),
    DemoPost(
        slug="writing-learning-briefs-people-read",
        title="Writing learning briefs people actually read",
        summary=(
            "A learning brief is useful only if someone reads it before making the same "
            "mistake. Our editorial habits, from the title to the PDF."
        ),
        body=compose_body(
            "Project reports are written for donors. Learning briefs are written for the "
            "next team, and that changes everything about how we write them.",
            "Over two years the network published forty briefs and asked readers what they "
            "used, printed and shared.",
            [
                "Titles that state the lesson beat titles that name the project.",
                "Three printed pages is the limit for a workshop handout.",
                "A quote from a participant is remembered longer than any chart.",
            ],
            "I printed it for the team meeting, and we changed the plan that afternoon.",
            [("Plain language guidelines", "https://www.plainlanguage.gov/guidelines/")],
        ),
        topics=["Knowledge management", "Evaluation"],
        authors=["sofia-lindqvist"],
        days_ago=200,
        popularity=5,
    ),
    # Not visible to the public: one draft and one scheduled post, for previews.
    DemoPost(
        slug="draft-returnees-as-entrepreneurs",
        title="Returnees as entrepreneurs (draft)",
        summary="A draft in progress: what start-up support helped returning migrants.",
        body=compose_body(
            "This draft collects early findings from a start-up programme for returnees.",
            "Twenty returnees received coaching and small grants.",
            ["Coaching mattered more than the grant.", "Banks rarely lent to newcomers."],
            "Abroad I learned how a business runs. At home I learned how a permit works.",
            [("IOM: return and reintegration", "https://www.iom.int/return-and-reintegration")],
        ),
        topics=["Migration", "Youth employment"],
        authors=["elena-markovic"],
        days_ago=0,
        status="draft",
    ),
    DemoPost(
        slug="scheduled-peer-exchange-highlights",
        title="Peer exchange highlights: Chisinau and Yerevan",
        summary=(
            "Officials from two regions compared notes on diaspora policy. Scheduled to "
            "appear next week."
        ),
        body=compose_body(
            "Twenty officials from the Eastern Partnership region met for three days to "
            "compare diaspora policies.",
            "The exchange alternated site visits, short presentations and open discussion.",
            [
                "Peers trust peers: the most useful advice came from other officials.",
                "Site visits made abstract policies concrete.",
            ],
            "We solved in one evening a problem we had discussed for a year.",
            [("IOM: diaspora engagement", "https://www.iom.int/diaspora-engagement")],
        ),
        topics=["Diaspora", "Eastern Europe", "South Caucasus"],
        authors=["tamar-beridze", "sofia-lindqvist"],
        scheduled_in_days=7,
    ),
]


def _translated_posts() -> list[DemoPost]:
    from .translations import POSTS as TRANSLATED

    return [
        DemoPost(language=language, translation_of=original, popularity=8, **fields)
        for language, original, fields in TRANSLATED
    ]


POSTS += _translated_posts()
