"""The demo's flagship post: a learning brief on diaspora engagement for development.

It is the longest demo post (about three printed pages) and ships with itself
as a PDF download, so the print view, the PDF and the file list all have
something real to show.
"""

from datetime import UTC, datetime

SLUG = "diaspora-engagement-for-development-lessons-from-three-regions"
TITLE = "Diaspora engagement for development: lessons from three regions"
PUBLISHED_AT = datetime(2021, 10, 14, 9, 0, tzinfo=UTC)
TOPICS = ["Diaspora", "Migration", "Development", "Western Balkans", "South Caucasus"]
AUTHORS = ["elena-markovic", "tamar-beridze"]
ATTACHMENT_TITLE = "Learning brief: diaspora engagement for development (PDF)"
SUMMARY = (
    "What a decade of programmes in the Western Balkans, Eastern Europe and the South "
    "Caucasus taught us about working with diaspora communities: start from trust, "
    "let people contribute in more ways than money, and build institutions that outlast "
    "the project."
)

BODY = """
<p>Across the Western Balkans, Eastern Europe and the South Caucasus, almost every family
knows someone who lives abroad. Emigration has shaped these societies for decades: it has
emptied villages and professions, but it has also created networks of people who care about
their places of origin and who have gained skills, savings and contacts elsewhere. Since the
early 2010s, governments and their partners have tried to turn that attachment into a
resource for development. This brief collects what practitioners in our network learned
along the way, what surprised them, and what they would do differently next time.</p>

<p>The brief is written for programme staff, public officials and diaspora organisations
who design or run engagement programmes. It draws on project reports, evaluations and a
series of reflection workshops held with teams from the three regions. It does not rank
countries or approaches: the contexts are too different for that. Instead it looks for the
patterns that repeated themselves, in good and in bad.</p>

<h2>Why diaspora engagement matters for development</h2>

<p>Remittances are the most visible link between emigrants and home. In several countries
of the three regions they are larger than foreign direct investment and development aid
combined, and they keep many households out of poverty. Yet remittances are private money,
spent mostly on daily needs, housing and education. Public policy should not try to steer
them; it can, however, make sending money cheaper and safer, and it can open other doors
for people who want to contribute more than a monthly transfer.</p>

<p>Those other doors are where most of our programmes worked. Diaspora members bring
<strong>knowledge</strong> (a surgeon who teaches for two weeks a year at the university
hospital in her home town), <strong>networks</strong> (an engineer who introduces a local
supplier to his employer abroad), <strong>investment</strong> (a returning family that
opens a guesthouse) and <strong>voice</strong> (associations that speak up for reforms and
for the rights of migrants). Each of these needs a different kind of support, and each
depends on one thing above all: trust between the diaspora and the institutions at home.</p>

<h2>Three regions, three diaspora stories</h2>

<h3>Western Balkans</h3>

<p>The Western Balkan diaspora is large, spread over many countries, and in part the
result of conflict and displacement in the 1990s. Many people left with a deep mistrust of
the state, and that mistrust was passed on to their children. Programmes that succeeded
here worked first through municipalities, chambers of commerce, universities and
professional associations rather than through central ministries. Local partners were
seen as closer and less political, and they could show quick, concrete results: a
mentoring scheme for young entrepreneurs, a summer school taught by diaspora academics, a
matching fund for a new community centre.</p>

<p>The most durable results came where local governments created a small, permanent
function for diaspora relations: one person in the mayor's office, with a budget line and a
mandate that survived elections. Where engagement depended on one enthusiastic official,
it faded when that person moved on.</p>

<h3>Eastern Europe</h3>

<p>In Eastern Europe, our teams worked mostly with recent, circular and often temporary
labour migrants. Many of them do not see themselves as a "diaspora" at all: they work
abroad for a season or a few years and plan to come back. For them, the most valued
services were practical: reliable information before departure, help with recognition of
qualifications, safe channels for sending money and, on return, advice on starting a
business or finding a job that uses the skills they gained.</p>

<p>Hometown associations played a surprising role. Groups of migrants from the same
village, organised through messaging apps, financed repairs to schools, water supply and
roads, often matched by local budgets. The amounts were modest, but the projects were
visible and the communities owned them. Programmes that offered simple co-financing rules,
transparent reporting and public recognition saw these initiatives multiply.</p>

<h3>South Caucasus</h3>

<p>The South Caucasus combines old, well-organised diasporas, some of them established for
generations in several continents, with newer labour migration. The older communities have
strong institutions of their own (churches, cultural centres, philanthropic foundations)
and clear views about what their country of origin needs. Engagement here was less about
building networks from scratch and more about aligning existing ones with national and
local development plans, and about making sure that the voices of newer, less organised
migrants were heard too.</p>

<p>Teams found that dedicated state bodies for diaspora affairs were useful when they
acted as connectors and service providers, and less so when they tried to speak for the
diaspora. Co-investment schemes, fellowship programmes for diaspora professionals, and
online platforms listing concrete opportunities were among the instruments with the best
response.</p>

<h2>What worked</h2>

<ol>
<li><strong>Starting with listening.</strong> Mapping exercises and surveys that asked
diaspora members what they wanted to do, rather than what the programme needed, led to
better uptake and fewer disappointments. A good mapping is not a list of associations; it
is an understanding of motivations, skills and fears.</li>
<li><strong>Offering several ways to contribute.</strong> Not everyone can invest money.
Short expert assignments, online mentoring, donations in kind and advocacy were all valued
contributions, and programmes that recognised them reached far more people.</li>
<li><strong>Working through local institutions.</strong> Municipalities, universities,
business associations and hospitals were more trusted and more practical partners than
central agencies, especially where trust in the state was low.</li>
<li><strong>Small grants with simple rules.</strong> Matching funds for community projects
were easy to explain, quick to show results and built confidence for larger
cooperation later.</li>
<li><strong>Making return a real option, not a slogan.</strong> Practical reintegration
support (recognition of diplomas, tax information, help with schools for children) did
more for return than campaigns appealing to patriotism.</li>
</ol>

<h2>What did not work</h2>

<ul>
<li>Large diaspora conferences without follow-up. They produced photographs and
declarations, and left participants feeling used.</li>
<li>Investment funds designed without the diaspora. Products that looked attractive on
paper were ignored because they did not match how people actually save and invest.</li>
<li>Treating the diaspora as one group. Generations, regions of origin, reasons for
leaving and political views differ widely, and a message that speaks to one group can put
off another.</li>
<li>Programmes that ended abruptly. When a project closed and its online platform went
dark, it took years to rebuild the trust that had been lost.</li>
</ul>

<blockquote><p>"People abroad do not need to be told that they should help. They need to
know that their help will arrive, that it will be used well, and that someone at home will
say thank you."</p></blockquote>

<p>This remark from a participant in one of our reflection workshops sums up the lesson
most teams drew: engagement is a relationship, and like every relationship it depends on
reliability, transparency and recognition.</p>

<h2>Instruments at a glance</h2>

<table>
<thead>
<tr><th scope="col">Instrument</th><th scope="col">Best suited to</th><th scope="col">Watch out for</th></tr>
</thead>
<tbody>
<tr><td>Matching funds for community projects</td><td>Hometown associations, rural areas</td><td>Maintenance costs after the project</td></tr>
<tr><td>Short expert assignments</td><td>Health, education, public administration</td><td>Travel costs and recognition by employers abroad</td></tr>
<tr><td>Mentoring and business networks</td><td>Young entrepreneurs, start-ups</td><td>Keeping mentors engaged beyond the first meeting</td></tr>
<tr><td>Return and reintegration services</td><td>Recent, circular labour migrants</td><td>Promising jobs that do not exist</td></tr>
<tr><td>Diaspora investment schemes</td><td>Established diasporas with savings</td><td>Products designed without their users</td></tr>
</tbody>
</table>

<h2>Recommendations for programme design</h2>

<ul>
<li><strong>Invest in institutions, not only in activities.</strong> A diaspora focal point
in a municipality or ministry, with a job description and a budget, is worth more than a
series of events.</li>
<li><strong>Build data carefully.</strong> Countries of origin often know little about
their emigrants. Cooperation with statistical offices in destination countries, consular
registration and voluntary online registration all help, as long as people's privacy is
respected and they understand why their data is collected.</li>
<li><strong>Plan for the long term.</strong> Trust takes years to build. Programmes should
plan how platforms, contacts and funds will continue after the project ends, and say so
openly from the start.</li>
<li><strong>Connect to development plans.</strong> Diaspora initiatives achieve more when
they fit local and national priorities, for example a municipality's plan for youth
employment or a ministry's reform of vocational training.</li>
<li><strong>Include migrants' rights.</strong> Engagement is not only about what migrants
can give. Protecting migrant workers abroad and supporting families left behind are part
of the same relationship.</li>
<li><strong>Learn across regions.</strong> Many of the lessons above travelled well between
the three regions. Peer exchanges between officials and diaspora organisations were among
the activities participants valued most.</li>
</ul>

<h2>Looking ahead</h2>

<p>Migration from the three regions will continue, shaped by demography, wage gaps and, in
some places, by conflict. At the same time, digital tools make it easier than ever for
people abroad to stay involved at home, and a growing number of returnees bring back
experience from European labour markets. Governments that treat their diasporas as
partners, rather than as a source of money or votes, will be best placed to turn these
movements into an asset for development.</p>

<p>For practitioners, the message of this brief is simple: start small and local, listen
before designing, recognise every kind of contribution, and stay long enough for trust to
grow. The rest of the lessons follow from there.</p>

<h2>Further reading</h2>

<ul>
<li><a href="https://www.iom.int/diaspora-engagement">IOM: diaspora engagement</a></li>
<li><a href="https://www.oecd.org/migration/">OECD: international migration</a></li>
<li><a href="https://www.knomad.org/">KNOMAD: global knowledge partnership on migration and development</a></li>
</ul>
"""
