"""Demo posts in other languages: the diaspora brief in Russian and Georgian (one
translation group with the English original), and short field notes in Ukrainian,
Serbian (Latin) and Armenian, so every script shows on the page and in the PDF."""

from . import diaspora


def body(*paragraphs: str, heading: str, points: tuple[str, ...], quote: str, link: str) -> str:
    """The house pattern in short: lead-in, a heading, lessons, a quote, a link."""
    return (
        f"<p>{paragraphs[0]}</p><h2>{heading}</h2>"
        + "".join(f"<p>{text}</p>" for text in paragraphs[1:])
        + "<ul>"
        + "".join(f"<li>{point}</li>" for point in points)
        + f"</ul><blockquote><p>{quote}</p></blockquote>"
        + f'<p><a href="https://www.iom.int/diaspora-engagement">{link}</a></p>'
    )


# (language, translation_of slug or None, the post's fields)
POSTS = [
    (
        "ru",
        diaspora.SLUG,
        {
            "slug": "vzaimodeystvie-s-diasporoy-uroki-treh-regionov",
            "title": "Взаимодействие с диаспорой ради развития: уроки трёх регионов",
            "summary": (
                "Чему нас научило десятилетие программ на Западных Балканах, в Восточной "
                "Европе и на Южном Кавказе: начинать с доверия, давать людям возможность "
                "участвовать не только деньгами и строить институты, которые переживут проект."
            ),
            "body": body(
                "Почти в каждой семье Западных Балкан, Восточной Европы и Южного Кавказа есть "
                "кто-то, кто живёт за границей. Эмиграция опустошила сёла и целые профессии, "
                "но она же создала сети людей, которым небезразличны родные места.",
                "Денежные переводы — самая заметная связь, но не единственная. Знания, "
                "контакты и время специалистов из диаспоры часто ценнее денег, если для них "
                "есть понятный и надёжный канал.",
                heading="Что мы узнали",
                points=(
                    "Доверие приходит раньше инвестиций: начинайте с небольших и прозрачных шагов.",
                    "Давайте людям разные способы участия — от наставничества до волонтёрства.",
                    "Институты, а не разовые мероприятия, обеспечивают долгосрочный результат.",
                ),
                quote="Люди возвращаются туда, где их ждут, а не туда, где их просят.",
                link="МОМ: взаимодействие с диаспорой",
            ),
            "topics": diaspora.TOPICS,
            "authors": diaspora.AUTHORS,
            "published_at": diaspora.PUBLISHED_AT,
        },
    ),
    (
        "ka",
        diaspora.SLUG,
        {
            "slug": "diasporastan-tanamshromloba-sami-regionis-gakvetilebi",
            "title": "დიასპორასთან თანამშრომლობა განვითარებისთვის: სამი რეგიონის გაკვეთილები",
            "summary": (
                "რა გვასწავლა დასავლეთ ბალკანეთში, აღმოსავლეთ ევროპასა და სამხრეთ კავკასიაში "
                "განხორციელებულმა პროგრამებმა: დავიწყოთ ნდობით, ადამიანებს მივცეთ ფულის გარდა "
                "სხვა გზებით მონაწილეობის საშუალება და შევქმნათ ინსტიტუტები, რომლებიც პროექტს გადაარჩება."
            ),
            "body": body(
                "დასავლეთ ბალკანეთში, აღმოსავლეთ ევროპასა და სამხრეთ კავკასიაში თითქმის ყველა "
                "ოჯახს ჰყავს ვინმე, ვინც საზღვარგარეთ ცხოვრობს. ემიგრაციამ დააცარიელა სოფლები, "
                "მაგრამ შექმნა ადამიანების ქსელებიც, რომლებსაც თავიანთი მშობლიური ადგილები ადარდებთ.",
                "ფულადი გზავნილები ყველაზე თვალსაჩინო კავშირია, მაგრამ არა ერთადერთი. "
                "დიასპორის სპეციალისტების ცოდნა, კონტაქტები და დრო ხშირად ფულზე ძვირფასია.",
                heading="რა ვისწავლეთ",
                points=(
                    "ნდობა ინვესტიციაზე ადრე მოდის: დაიწყეთ მცირე და გამჭვირვალე ნაბიჯებით.",
                    "მიეცით ადამიანებს მონაწილეობის სხვადასხვა გზა — მენტორობიდან მოხალისეობამდე.",
                    "გრძელვადიან შედეგს ინსტიტუტები იძლევა და არა ერთჯერადი ღონისძიებები.",
                ),
                quote="ადამიანები იქ ბრუნდებიან, სადაც ელოდებიან და არა იქ, სადაც სთხოვენ.",
                link="IOM: დიასპორასთან თანამშრომლობა",
            ),
            "topics": diaspora.TOPICS,
            "authors": diaspora.AUTHORS,
            "published_at": diaspora.PUBLISHED_AT,
        },
    ),
    (
        "uk",
        None,
        {
            "slug": "povernennya-fakhivtsiv-notatky-z-mist",
            "title": "Повернення фахівців: нотатки з місць",
            "summary": (
                "Що допомагає лікарям та інженерам, які працювали за кордоном, повернутися "
                "додому й залишитися: досвід трьох громад."
            ),
            "body": body(
                "Громади, які чекали на повернення фахівців, найчастіше говорили про житло й "
                "школи для дітей. Але ті, хто справді повернувся, назвали інше: зрозумілі "
                "правила визнання дипломів і колег, які чекали на них на роботі.",
                "Невеликі гранти на облаштування допомогли, проте вирішальним був наставник "
                "у місцевій установі протягом першого року.",
                heading="Що спрацювало",
                points=(
                    "Чіткі правила визнання дипломів, опубліковані заздалегідь.",
                    "Наставник у місцевій установі на перший рік.",
                ),
                quote="Я повернулася не через зарплату, а тому, що мене тут чекали колеги.",
                link="МОМ: взаємодія з діаспорою",
            ),
            "topics": ["Return", "Skills", "Eastern Europe"],
            "authors": ["ana-rusu"],
            "days_ago": 6,
        },
    ),
    (
        "sr-latn",
        None,
        {
            "slug": "zavicajna-udruzenja-i-lokalne-samouprave",
            "title": "Zavičajna udruženja i lokalne samouprave: kako do zajedničkih projekata",
            "summary": (
                "Beleške sa radionice u Kraljevu: šta je pomoglo da udruženja iseljenika i "
                "opštine zajedno finansiraju male infrastrukturne projekte."
            ),
            "body": body(
                "Udruženja iseljenika spremna su da ulože novac i vreme u rodni kraj, ali "
                "žele da znaju kuda sredstva idu. Opštine koje su objavljivale troškove "
                "svakog projekta dobijale su više partnera iz dijaspore.",
                "Najbolje su prolazili manji projekti sa jasnim rokom: obnova škole, put do "
                "sela, oprema za dom zdravlja.",
                heading="Šta smo naučili",
                points=(
                    "Javno objavljeni troškovi privlače nove partnere.",
                    "Mali projekti sa jasnim rokom završavaju se na vreme.",
                ),
                quote="Kada vidimo gde je otišao svaki dinar, rado dajemo i sledeće godine.",
                link="IOM: saradnja sa dijasporom",
            ),
            "topics": ["Diaspora", "Western Balkans"],
            "authors": ["elena-markovic"],
            "days_ago": 9,
        },
    ),
    (
        "hy",
        None,
        {
            "slug": "spyurqi-masnagetnery-ev-hamaynqayin-zargacum",
            "title": "Սփյուռքի մասնագետները և համայնքային զարգացումը",
            "summary": (
                "Ինչպես են սփյուռքի մասնագետների կարճաժամկետ այցերը օգնում մարզային "
                "հիվանդանոցներին և դպրոցներին. երեք ծրագրերի փորձը։"
            ),
            "body": body(
                "Սփյուռքի բժիշկներն ու ուսուցիչները պատրաստ են մի քանի շաբաթ անցկացնել "
                "մարզերում, եթե այցը լավ է կազմակերպված։ Ամենաարդյունավետ ծրագրերում "
                "տեղացի գործընկերը նախապես ձևակերպում էր, թե ինչ է պետք սովորել։",
                "Այցերից հետո առցանց խորհրդատվությունները պահպանեցին կապը և "
                "ամրապնդեցին ձեռքբերումները։",
                heading="Ինչ սովորեցինք",
                points=(
                    "Տեղացի գործընկերը նախապես ձևակերպում է այցի նպատակը։",
                    "Առցանց խորհրդատվությունները պահպանում են կապը այցից հետո։",
                ),
                quote="Երկու շաբաթում մենք սովորեցինք այն, ինչի համար տարիներ էին պետք։",
                link="ՄԿՄ՝ համագործակցություն սփյուռքի հետ",
            ),
            "topics": ["Diaspora", "Skills", "South Caucasus"],
            "authors": ["armen-petrosyan"],
            "days_ago": 4,
        },
    ),
]
