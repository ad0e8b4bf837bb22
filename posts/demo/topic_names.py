"""The demo topics' names in the portal's other languages (TopicTranslation rows), so a
reader who switches language sees the topic chips, pages and trending list in it."""

# topic (its English name) -> {language: name}; order: ru, uk, ro, sr-latn, sq, ka, hy.
TOPIC_NAMES = {
    "Diaspora": {
        "ru": "Диаспора", "uk": "Діаспора", "ro": "Diaspora", "sr-latn": "Dijaspora",
        "sq": "Diaspora", "ka": "დიასპორა", "hy": "Սփյուռք",
    },
    "Migration": {
        "ru": "Миграция", "uk": "Міграція", "ro": "Migrație", "sr-latn": "Migracije",
        "sq": "Migracioni", "ka": "მიგრაცია", "hy": "Միգրացիա",
    },
    "Development": {
        "ru": "Развитие", "uk": "Розвиток", "ro": "Dezvoltare", "sr-latn": "Razvoj",
        "sq": "Zhvillimi", "ka": "განვითარება", "hy": "Զարգացում",
    },
    "Western Balkans": {
        "ru": "Западные Балканы", "uk": "Західні Балкани", "ro": "Balcanii de Vest",
        "sr-latn": "Zapadni Balkan", "sq": "Ballkani Perëndimor", "ka": "დასავლეთ ბალკანეთი",
        "hy": "Արևմտյան Բալկաններ",
    },
    "South Caucasus": {
        "ru": "Южный Кавказ", "uk": "Південний Кавказ", "ro": "Caucazul de Sud",
        "sr-latn": "Južni Kavkaz", "sq": "Kaukazi i Jugut", "ka": "სამხრეთ კავკასია",
        "hy": "Հարավային Կովկաս",
    },
    "Local governance": {
        "ru": "Местное самоуправление", "uk": "Місцеве врядування", "ro": "Guvernare locală",
        "sr-latn": "Lokalna samouprava", "sq": "Qeverisja vendore", "ka": "ადგილობრივი მმართველობა",
        "hy": "Տեղական ինքնակառավարում",
    },
    "Remittances": {
        "ru": "Денежные переводы", "uk": "Грошові перекази", "ro": "Remitențe",
        "sr-latn": "Doznake", "sq": "Remitancat", "ka": "ფულადი გზავნილები",
        "hy": "Դրամական փոխանցումներ",
    },
    "Digital inclusion": {
        "ru": "Цифровая доступность", "uk": "Цифрова інклюзія", "ro": "Incluziune digitală",
        "sr-latn": "Digitalna uključenost", "sq": "Përfshirja digjitale",
        "ka": "ციფრული ჩართულობა", "hy": "Թվային ներառում",
    },
    "Skills": {
        "ru": "Навыки", "uk": "Навички", "ro": "Competențe", "sr-latn": "Veštine",
        "sq": "Aftësitë", "ka": "უნარები", "hy": "Հմտություններ",
    },
    "Labour mobility": {
        "ru": "Трудовая мобильность", "uk": "Трудова мобільність", "ro": "Mobilitatea forței de muncă",
        "sr-latn": "Radna mobilnost", "sq": "Lëvizshmëria e punës", "ka": "შრომითი მობილობა",
        "hy": "Աշխատանքային շարժունություն",
    },
    "Youth employment": {
        "ru": "Занятость молодёжи", "uk": "Зайнятість молоді", "ro": "Ocuparea tinerilor",
        "sr-latn": "Zapošljavanje mladih", "sq": "Punësimi i të rinjve",
        "ka": "ახალგაზრდების დასაქმება", "hy": "Երիտասարդների զբաղվածություն",
    },
    "Evaluation": {
        "ru": "Оценка", "uk": "Оцінювання", "ro": "Evaluare", "sr-latn": "Evaluacija",
        "sq": "Vlerësimi", "ka": "შეფასება", "hy": "Գնահատում",
    },
    "Climate adaptation": {
        "ru": "Адаптация к изменению климата", "uk": "Адаптація до зміни клімату",
        "ro": "Adaptare la schimbările climatice", "sr-latn": "Prilagođavanje klimatskim promenama",
        "sq": "Përshtatja klimatike", "ka": "კლიმატთან ადაპტაცია", "hy": "Կլիմայական հարմարվողականություն",
    },
    "Gender": {
        "ru": "Гендер", "uk": "Гендер", "ro": "Gen", "sr-latn": "Rod", "sq": "Gjinia",
        "ka": "გენდერი", "hy": "Գենդեր",
    },
    "Eastern Europe": {
        "ru": "Восточная Европа", "uk": "Східна Європа", "ro": "Europa de Est",
        "sr-latn": "Istočna Evropa", "sq": "Evropa Lindore", "ka": "აღმოსავლეთ ევროპა",
        "hy": "Արևելյան Եվրոպա",
    },
    "Knowledge management": {
        "ru": "Управление знаниями", "uk": "Управління знаннями", "ro": "Managementul cunoașterii",
        "sr-latn": "Upravljanje znanjem", "sq": "Menaxhimi i njohurive", "ka": "ცოდნის მართვა",
        "hy": "Գիտելիքների կառավարում",
    },
    "Return": {
        "ru": "Возвращение", "uk": "Повернення", "ro": "Întoarcere", "sr-latn": "Povratak",
        "sq": "Kthimi", "ka": "დაბრუნება", "hy": "Վերադարձ",
    },
}  # fmt: skip
