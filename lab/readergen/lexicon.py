"""The lexicon of the reader training-data generator: fields, their phrasings, product
categories, and the name material (brand stems, people, places) the value generators draw on.

Conventions for the phrasings of a `Field`:

- `keys`: how a spec sheet line or a table header names the field ("Price", "Weight (kg)").
- `clauses`: verb phrases that follow a subject, with {V} for the value ("weighs {V}").
  For product fields the subject is the product ("The Aster Pro 2 weighs 2.1 kg"); for
  company fields it is the company or shop in the third person singular
  ("Brightwell delivers within 3-5 working days"). Clauses never contain {S}.
- `sentences`: whole sentences with {V}; product sentences always contain {S} (the
  subject as a document writes it, which may come first in the sentence, so the renderer
  capitalises the first letter). Company sentences speak as "we" / "our shop" or use the
  passive and contain no {S}.
- `questions`: what a user types, with {s} for the product as the user names it (always
  present in product questions, never in company questions). A question never contains
  the value: no {V}, no literal numbers or units that would give the answer away.

Categories (`CATEGORIES`) give a domain, nouns, the product fields that make sense and, in
"kinds", per-category overrides of a field's values kind (`field_kind(field, category)`).
`PLURAL_NOUNS` lists the category nouns that need a plural verb. `check_lexicon()` returns the
problems it finds (empty list when fine).

Everything here is plain data; no randomness happens at import time.
"""

from __future__ import annotations

import string
from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    name: str            # id, e.g. "price", "battery_life", "returns_window"
    kind: str            # a key of values.KINDS
    keys: tuple          # spec sheet / table header names
    clauses: tuple       # verb phrases with {V} that follow a subject
    sentences: tuple     # whole sentences with {S} (product scope) and {V}
    questions: tuple     # user questions with {s} (product scope), never the value
    scope: str = "product"   # "product" or "company"


def _keys(text: str) -> tuple:
    return tuple(k.strip() for k in text.split("|") if k.strip())


def _lines(text: str) -> tuple:
    return tuple(line.strip() for line in text.strip().splitlines() if line.strip())


# ---------------------------------------------------------------------------------------
# Name material
# ---------------------------------------------------------------------------------------

PRODUCT_NAME_STEMS = _keys("""
Aster | Kestrel | Nimbus | Orla | Brio | Cirrus | Dune | Ember | Fjord | Glint | Halo | Iris |
Juno | Kite | Lumen | Mira | Nova | Onyx | Pico | Quill | Rook | Sable | Tern | Umber | Vela |
Wren | Zephyr | Alder | Birch | Cedar | Dover | Fern | Gale | Heron | Isla | Jasper | Kelda |
Larch | Maple | Nettle | Pebble | Quartz | Raven | Sorrel | Thistle | Umbra | Vale | Willow |
Yew | Zinnia | Arlo | Bexley | Corvo | Delta | Echo | Flint | Garnet | Hollis | Indigo | Jett |
Kora | Loft | Mosaic | Nord | Orbit | Pulse | Quest | Rift | Solace | Tide | Vista | Wave |
Axiom | Breeze | Crest | Drift | Ether | Forge | Grove | Haven | Ion | Jolt | Keel | Lark |
Meridian | Opal | Prism | Ripple | Summit | Tundra | Veer | Whisk | Zanto | Veloq | Brixa |
Quorra | Luma | Tavi | Sora | Kairo | Noma | Elvi | Ravo | Oska | Mavi | Tobi | Fenna | Lio |
Pava | Dalo | Senna | Ivo | Fjell | Skog | Lykke | Sommer | Blitz | Sturm | Wolke | Kiesel |
Tanne | Eiche | Falke | Lumo | Vindr | Saga | Runa | Tilda | Astra | Borea | Calyx | Dorado |
Elara | Fiora | Galen | Helio | Ixia | Jura | Kalo | Lyra | Mistral | Nerio | Oro | Pallas |
Rhea | Silo | Talon | Ursa | Vireo | Xeno | Yuki | Zola | Acorn | Basalt | Cobalt | Dusk |
Ebony | Frost | Granite | Hazel | Ivory | Juniper | Krait | Lagoon | Magma | Nectar | Ochre |
Pine | Quince | Russet | Slate | Topaz | Velvet | Walnut | Yarrow | Zest | Anvil | Beacon |
Cinder | Dynamo | Falcon | Glider | Harbor | Inlet | Javelin | Kayak | Lantern | Mantis |
Nomad | Osprey | Piper | Rally | Sprout | Trek | Voyager | Wander | Bramble | Clover |
Daisy | Hopper | Kiwi | Marlow | Penny | Scout | Teddy | Bolt | Comet | Spark | Volta |
Kinetic | Apex | Vertex | Cadence | Tempo | Stride | Flux | Cortex | Vector | Matrix | Pixel |
Byte | Nexus | Signal | Relay | Beam | Lux | Aura | Serene | Calm | Hush | Mellow | Velo |
Corsa | Strada | Brisa | Terra | Mare | Sol | Luna | Stella | Nube | Fiume | Bosco | Neve |
Amber | Coral | Saffron | Sienna | Teal | Cyan | Olive | Plume | Petal | Bloom | Thorn |
Moss | Reed | Brook | Ridge | Canyon | Mesa | Atoll | Bay | Cove | Dell | Glen | Heath |
Knoll | Moor | Tarn | Weald | Orkney | Skye | Lomond | Tay | Fal | Exe | Avon | Severn
""")

PRODUCT_NAME_SUFFIXES = _keys("""
Pro | Mini | Max | Lite | Plus | Air | Go | One | 2 | 3 | 5 | 700 | 900 | 300 | 1200 | X3 |
X5 | S | SE | Ultra | Neo | Flex | Sport | Classic | Duo | XL | Compact | Touch | Edge |
Prime | Evo | II | GT | 360 | 45 | 2.0 | S2 | Pro 2 | Max 3 | Mini 4 | 500e | E8 | Trail |
City | Kids | Junior | Studio | Home | Smart | Cordless | Turbo | Slim | Elite | V2 | Mk II
""")

# Brand-ish stems to draw a product family name from (suffix styles: PRODUCT_NAME_SUFFIXES).
PRODUCT_NAME_PARTS = PRODUCT_NAME_STEMS

COMPANY_NAME_STEMS = _keys("""
Brightwell | Northgate | Kettleby | Alder | Fernhill | Blue Heron | Harbour & Pine | Millbrook |
Oakridge | Stonebridge | Greenfield | Redwood | Silverline | Westwind | Eastfield | Highmoor |
Lakeside | Foxglove | Ashcombe | Beckett | Caldwell | Dunmore | Elmstead | Fairleigh |
Glenrock | Hartwell | Ivybridge | Juniper Lane | Kingsmere | Longacre | Marlowe | Newhaven |
Old Mill | Pennant | Quayside | Rowan | Saltmarsh | Thornbury | Underhill | Valemont | Whitcombe |
Yardley | Nordvik | Solberg | Lindqvist | Bergström | Sonnenfeld | Weißdorn | Eichenhof |
Falkenberg | Rheinwerk | Hafenlicht | Lumière | Belleville | Côte Verte | Aurelia | Vittoria |
Casa Brava | Terranova | Montebello | Zephyrus | Halcyon | Meridian | Polaris | Orion | Vega |
Altair | Cassini | Kepler | Tesselate | Copperleaf | Ironbark | Bluefin | Greyhound | Kingfisher |
Nightjar | Skylark | Sparrow & Finch | Hollowtree | Wildmoor | Tidewater | Cloudberry | Sunbeam |
Brambleberry | Pebblestone | Hearthstone | Wickham | Ravensworth | Thistledown | Cobblestone |
Larkspur | Moorland | Seabright | Windrush | Hazelnut | Mapleton | Cedarwood | Birchwood |
Cypress | Evergreen | Aspen | Sequoia | Tamarack | Willowbrook | Oakhaven | Pinecrest | Riverbend
""")

COMPANY_NAME_SUFFIXES = _keys("""
Home | Audio | Outdoor | Labs | Cycles | Kitchen | Works | Supply | Goods | Tech | Living |
Sports | Electronics | Appliances | Gear | Studio | Design | Mobility | Garden | Kids | Toys |
Software | Cloud | Optics | Motors | Fitness | Care | Tools | Apparel | Furniture
""")

COMPANY_LEGAL_FORMS = _keys("Ltd | GmbH | AB | Oy | BV | SA | LLC | AG | ApS | & Co | plc | SRL | AS")

# Company name stems (trade suffixes: COMPANY_NAME_SUFFIXES, legal forms: COMPANY_LEGAL_FORMS).
COMPANY_NAME_PARTS = COMPANY_NAME_STEMS

FIRST_NAMES = _keys("""
Mia | Tom | Anna | Lukas | Sophie | James | Emma | Oliver | Lena | Noah | Chloé | Hugo |
Zoë | Björn | Ingrid | Søren | Freya | Astrid | Matteo | Giulia | Lorenzo | Chiara | José |
Lucía | Mateo | Carmen | Pablo | Inés | Rafael | Beatriz | João | Mariana | Tiago | Ana |
Priya | Arjun | Ananya | Rohan | Kavya | Vikram | Aisha | Omar | Fatima | Yusuf | Layla |
Hassan | Amira | Karim | Mei | Wei | Li | Jun | Hiroshi | Yuki | Haruto | Sakura | Kenji |
Min-jun | Seo-yeon | Ji-woo | Minh | Linh | Thanh | Ngozi | Chidi | Amara | Kwame | Ama |
Kofi | Thandiwe | Sipho | Zanele | Aleksander | Katarzyna | Piotr | Magdalena | Tomasz |
Ivana | Marek | Petra | Jakub | Eszter | Bence | Dóra | Nikolai | Olga | Dmitri | Irina |
Sean | Siobhán | Niamh | Ciarán | Aoife | Eoin | Rhys | Cerys | Dylan | Gwen | Callum |
Isla | Fraser | Ailsa | Liam | Olivia | Ethan | Ava | Mason | Harper | Elijah | Grace |
Daniel | Sarah | David | Laura | Michael | Julia | Thomas | Clara | Felix | Marie | Jonas |
Hanna | Paul | Greta | Emil | Ida | Elias | Frida | Oskar | Alma | Mathilde | Louis | Camille |
Théo | Léa | Manon | Gabriel | Inès | Sven | Maja | Henrik | Elin | Lars | Sigrid | Aino |
Eero | Helmi | Juha | Daan | Fleur | Sanne | Bram | Lotte | Ruben | Gareth | Bethan |
Marcus | Naomi | Isaac | Ruth | Samuel | Leah | Tariq | Nadia | Ravi | Deepa | Carlos | Elena
""")

LAST_NAMES = _keys("""
Keller | Baker | Novak | Hoffmann | Müller | Schmidt | Fischer | Weber | Wagner | Becker |
Schulz | Koch | Richter | Klein | Wolf | Schröder | Neumann | Braun | Zimmermann | Krüger |
Smith | Jones | Taylor | Brown | Williams | Wilson | Evans | Thomas | Roberts | Walker |
Wright | Robinson | Thompson | White | Hughes | Edwards | Green | Hall | Wood | Harris |
Clarke | Patel | Khan | Shah | Singh | Sharma | Gupta | Iyer | Nair | Reddy | Chen | Wang |
Li | Zhang | Liu | Huang | Tanaka | Suzuki | Sato | Watanabe | Kim | Park | Lee | Choi |
Nguyen | Tran | Pham | Okafor | Adeyemi | Mensah | Owusu | Dlamini | Nkosi | Mbeki |
García | Fernández | López | Martínez | Sánchez | Pérez | Gómez | Rossi | Russo | Ferrari |
Esposito | Bianchi | Romano | Ricci | Marino | Silva | Santos | Oliveira | Costa | Pereira |
Dubois | Martin | Bernard | Moreau | Laurent | Lefèvre | Girard | Bonnet | Rousseau | Fontaine |
Johansson | Andersson | Karlsson | Nilsson | Eriksson | Larsen | Hansen | Jensen | Nielsen |
Pedersen | Olsen | Virtanen | Korhonen | Mäkinen | de Vries | van Dijk | Bakker | Visser |
Smit | Janssen | Kowalski | Nowak | Lewandowska | Horváth | Nagy | Kovács | Dvorak | Svoboda |
Ivanova | Petrov | Popescu | Ionescu | O'Brien | Murphy | Kelly | Byrne | Ryan | Walsh |
MacLeod | Campbell | Stewart | Fraser | Morgan | Davies | Price | Lloyd | Jenkins | Rees |
Cohen | Levi | Haddad | Mansour | Aziz | Rahman | Hussain | Yilmaz | Demir | Kaya | Öztürk
""")

# Country code -> cities. Used for the "city" kind and for street addresses.
CITIES_BY_COUNTRY = {
    "UK": _keys("London | Bristol | Manchester | Leeds | Edinburgh | Glasgow | Cardiff | Bath | "
                "York | Brighton | Norwich | Oxford | Cambridge | Exeter | Sheffield | Belfast | "
                "Nottingham | Liverpool | Aberdeen | Southampton"),
    "DE": _keys("Berlin | Hamburg | München | Köln | Frankfurt am Main | Stuttgart | Düsseldorf | "
                "Leipzig | Dresden | Hannover | Nürnberg | Bremen | Freiburg | Münster | Heidelberg"),
    "AT": _keys("Wien | Graz | Linz | Salzburg | Innsbruck | Klagenfurt"),
    "CH": _keys("Zürich | Basel | Bern | Luzern | Winterthur | St. Gallen | Lausanne | Genève"),
    "US": _keys("Portland | Seattle | Austin | Denver | Boston | Chicago | Minneapolis | Raleigh | "
                "San Diego | Madison | Burlington | Boulder | Atlanta | Pittsburgh | Columbus"),
    "FR": _keys("Paris | Lyon | Marseille | Nantes | Bordeaux | Lille | Toulouse | Strasbourg | "
                "Rennes | Grenoble | Montpellier | Annecy"),
    "NL": _keys("Amsterdam | Rotterdam | Utrecht | Eindhoven | Den Haag | Groningen | Haarlem | Delft"),
    "SE": _keys("Stockholm | Göteborg | Malmö | Uppsala | Linköping | Umeå | Lund | Örebro"),
    "DK": _keys("København | Aarhus | Odense | Aalborg"),
    "NO": _keys("Oslo | Bergen | Trondheim | Stavanger | Tromsø"),
    "FI": _keys("Helsinki | Tampere | Turku | Oulu | Espoo"),
    "IE": _keys("Dublin | Cork | Galway | Limerick | Waterford"),
    "ES": _keys("Madrid | Barcelona | Valencia | Sevilla | Bilbao | Málaga | Zaragoza"),
    "IT": _keys("Milano | Torino | Bologna | Firenze | Roma | Verona | Padova | Genova"),
    "CA": _keys("Toronto | Vancouver | Montréal | Calgary | Ottawa | Halifax"),
    "AU": _keys("Melbourne | Sydney | Brisbane | Adelaide | Perth | Hobart"),
}

US_CITY_STATES = {
    "Portland": "OR", "Seattle": "WA", "Austin": "TX", "Denver": "CO", "Boston": "MA",
    "Chicago": "IL", "Minneapolis": "MN", "Raleigh": "NC", "San Diego": "CA", "Madison": "WI",
    "Burlington": "VT", "Boulder": "CO", "Atlanta": "GA", "Pittsburgh": "PA", "Columbus": "OH",
}
CA_CITY_PROVINCES = {"Toronto": "ON", "Vancouver": "BC", "Montréal": "QC", "Calgary": "AB",
                     "Ottawa": "ON", "Halifax": "NS"}
AU_CITY_STATES = {"Melbourne": ("VIC", 3000), "Sydney": ("NSW", 2000), "Brisbane": ("QLD", 4000),
                  "Adelaide": ("SA", 5000), "Perth": ("WA", 6000), "Hobart": ("TAS", 7000)}

# Country code -> street names as written in an address of that country.
STREETS_BY_COUNTRY = {
    "UK": _keys("Harbour Lane | Mill Road | Queen Street | Station Road | Church Lane | High Street | "
                "Victoria Road | Park Avenue | Granby Row | Kings Parade | Wharf Street | Orchard Close | "
                "Cotton Street | Bridge Street | Canal Walk | Oak Terrace | Albion Place | Market Square"),
    "DE": _keys("Kastanienallee | Hauptstraße | Lindenweg | Bahnhofstraße | Schillerstraße | "
                "Gartenstraße | Am Hafen | Bergstraße | Mühlenweg | Friedrichstraße | Rosenstraße | "
                "Industriestraße | Waldweg | Kirchplatz | Goethestraße"),
    "AT": _keys("Mariahilfer Straße | Landstraße | Herrengasse | Getreidegasse | Maria-Theresien-Straße"),
    "CH": _keys("Bahnhofstrasse | Seestrasse | Marktgasse | Limmatquai | Rue du Rhône | Industriestrasse"),
    "US": _keys("Oak Street | Main Street | Pine Avenue | Elm Street | Market Street | 5th Avenue | "
                "Maple Drive | Lake Shore Drive | Broadway | Commerce Way | Riverside Drive | Cedar Lane"),
    "FR": _keys("rue des Lilas | rue de la République | avenue Jean Jaurès | rue Victor Hugo | "
                "boulevard Voltaire | rue du Commerce | quai des Chartrons | rue Pasteur"),
    "NL": _keys("Keizersgracht | Prinsengracht | Kerkstraat | Stationsplein | Oudegracht | Marktplein | "
                "Molenweg | Havenstraat"),
    "SE": _keys("Storgatan | Drottninggatan | Kungsgatan | Hamngatan | Sveavägen | Järnvägsgatan"),
    "DK": _keys("Nørregade | Vestergade | Strøget | Havnegade | Østergade"),
    "NO": _keys("Storgata | Karl Johans gate | Bryggen | Kirkegata | Havnegata"),
    "FI": _keys("Mannerheimintie | Aleksanterinkatu | Hämeenkatu | Satamakatu"),
    "IE": _keys("Grafton Street | Dame Street | Patrick Street | Shop Street | O'Connell Street | Quay Road"),
    "ES": _keys("Calle Mayor | Gran Vía | Calle de Alcalá | Passeig de Gràcia | Calle Larios"),
    "IT": _keys("Via Roma | Corso Vittorio Emanuele | Via Dante | Via Garibaldi | Via Mazzini"),
    "CA": _keys("King Street | Queen Street West | Granville Street | Rue Sainte-Catherine | Bank Street"),
    "AU": _keys("Collins Street | George Street | Queen Street | Rundle Mall | Hay Street | Elizabeth Street"),
}

CITIES = tuple(dict.fromkeys(c for cities in CITIES_BY_COUNTRY.values() for c in cities))
STREETS = tuple(dict.fromkeys(s for streets in STREETS_BY_COUNTRY.values() for s in streets))

# As a document would name the country in running text ("made in the USA").
COUNTRIES = _keys("""
China | Germany | Portugal | Vietnam | Taiwan | Japan | Italy | Poland | the Czech Republic |
Sweden | the USA | Denmark | Malaysia | India | Turkey | Mexico | Romania | South Korea |
Thailand | Indonesia | Spain | France | the UK | Slovenia | Estonia | Lithuania | Austria |
Switzerland | the Netherlands | Belgium | Finland | Norway | Ireland | Hungary | Slovakia |
Bulgaria | Cambodia | Bangladesh | Sri Lanka | Morocco | Tunisia | Canada | Brazil | Israel |
the Philippines | Latvia | Greece | Croatia | Serbia | Ukraine
""")

# Countries a shop delivers to (more European; regional names included).
DELIVERY_COUNTRIES = _keys("""
the UK | Ireland | France | Germany | Austria | Switzerland | the Netherlands | Belgium |
Luxembourg | Denmark | Sweden | Norway | Finland | Spain | Portugal | Italy | Poland |
the Czech Republic | the USA | Canada | Australia | New Zealand | Iceland | Estonia | Latvia |
Lithuania | Slovenia | Croatia | Greece
""")

COLOURS = _keys("""
black | white | sage green | midnight blue | graphite | silver | space grey | charcoal | sand |
stone | cream | ivory | oat | navy | olive | forest green | mint | teal | petrol | sky blue |
powder blue | cobalt blue | lilac | lavender | blush pink | dusty rose | coral | terracotta |
rust | burnt orange | mustard | sunflower yellow | bordeaux | burgundy | cherry red | red |
anthracite | slate grey | light grey | warm grey | taupe | mocha | chocolate brown | walnut |
natural oak | matte black | polished chrome | brushed steel | copper | rose gold | champagne |
pearl white | frost white | arctic white | moss green | pine green | ocean blue | storm grey |
pistachio | peach | plum | aubergine | denim blue | khaki
""")

MATERIALS = _keys("""
aluminium | aluminum | anodised aluminium | recycled aluminium | stainless steel | brushed steel |
powder-coated steel | chromoly steel | carbon fibre | carbon fiber | titanium | magnesium alloy |
cast iron | copper | brass | beech | solid oak | oak veneer | walnut | ash | bamboo | cork |
FSC-certified pine | birch plywood | borosilicate glass | tempered glass | ceramic | porcelain |
stoneware | marble | ABS plastic | polycarbonate | polypropylene | BPA-free Tritan | silicone |
food-grade silicone | TPU | EVA foam | memory foam | natural rubber | nylon | ripstop nylon |
recycled polyester | polyester | organic cotton | cotton canvas | linen | merino wool | wool felt |
goose down | duck down | synthetic insulation | full-grain leather | vegan leather | suede |
mesh | neoprene | recycled PET | hemp | jute | rattan | velvet | bouclé
""")

FRAME_MATERIALS = _keys("""
aluminium | 6061 aluminium | hydroformed aluminium | carbon fibre | chromoly steel | steel |
titanium | magnesium alloy | high-tensile steel | powder-coated steel | solid beech | oak
""")

LANGUAGES = _keys("""
English | German | French | Spanish | Italian | Dutch | Portuguese | Swedish | Danish |
Norwegian | Finnish | Polish | Czech | Hungarian | Romanian | Greek | Turkish | Japanese |
Korean | Chinese | Arabic | Hindi | Russian | Ukrainian | Irish | Welsh | Catalan
""")

PAYMENT_METHODS = _keys("""
Visa | Mastercard | American Express | Maestro | PayPal | Apple Pay | Google Pay | Klarna |
bank transfer | direct debit | iDEAL | Bancontact | Swish | MobilePay | gift card |
cash on delivery | invoice | credit card | debit card | SOFORT | Twint | Vipps
""")


# ---------------------------------------------------------------------------------------
# Fields
# ---------------------------------------------------------------------------------------

PRODUCT_FIELDS: list = []
COMPANY_FIELDS: list = []


def _product(name, kind, keys, clauses, sentences, questions):
    PRODUCT_FIELDS.append(Field(name, kind, _keys(keys), _lines(clauses), _lines(sentences),
                                _lines(questions), "product"))


def _company(name, kind, keys, clauses, sentences, questions):
    COMPANY_FIELDS.append(Field(name, kind, _keys(keys), _lines(clauses), _lines(sentences),
                                _lines(questions), "company"))


# --- general: price, size, looks, make -------------------------------------------------

_product("price", "price",
    "Price | Cost | RRP | Retail price | List price | Price (incl. VAT) | Our price | Price (RRP)",
    """
    costs {V}
    is priced at {V}
    sells for {V}
    retails at {V}
    is available for {V}
    has a recommended retail price of {V}
    will set you back {V}
    """,
    """
    You can buy {S} for {V}.
    {S} costs {V}, including VAT.
    At {V}, {S} is one of the most affordable options in its class.
    {S} is priced at {V} in our online shop.
    The recommended retail price of {S} is {V}.
    {S} retails for {V}; prices at partner stores may vary.
    {S} is available now for {V}.
    Pricing: {S} starts at {V}.
    """,
    """
    How much does {s} cost?
    What's the price of {s}?
    price of {s}?
    how expensive is {s}
    How much is {s}?
    what does {s} cost
    {s} price
    whats the retail price of {s}
    How much would I pay for {s}?
    Is {s} expensive? How much is it?
    cost of {s}
    what is the RRP of {s}?
    how much do you charge for {s}
    """)

_product("weight", "weight",
    "Weight | Net weight | Weight (without packaging) | Product weight | Item weight | Weighs",
    """
    weighs {V}
    weighs in at {V}
    has a weight of {V}
    tips the scales at {V}
    comes in at {V}
    """,
    """
    {S} weighs {V}.
    At just {V}, {S} is easy to carry around.
    {S} has a net weight of {V}.
    Weighing {V}, {S} is light enough to move from room to room.
    {S} weighs {V} without packaging.
    The total weight of {S} is {V}.
    """,
    """
    How much does {s} weigh?
    What is the weight of {s}?
    how heavy is {s}
    weight of {s}?
    {s} weight
    Is {s} heavy?
    whats the weight of the {s}
    how many kilos is {s}
    How heavy is {s} exactly?
    what does {s} weigh
    is {s} light enough to carry? how much does it weigh
    """)

_product("dimensions", "dimensions",
    "Dimensions | Size | Measurements | Dimensions (W x D x H) | Product dimensions | External dimensions | Size (L x W x H)",
    """
    measures {V}
    has dimensions of {V}
    has a size of {V}
    takes up {V}
    has a footprint of {V}
    """,
    """
    {S} measures {V}.
    The dimensions of {S} are {V}.
    {S} is compact at {V}.
    Measuring {V}, {S} fits comfortably into most homes.
    Overall, {S} measures {V} (without packaging).
    {S} has external dimensions of {V}.
    """,
    """
    What are the dimensions of {s}?
    How big is {s}?
    what size is {s}
    dimensions of {s}?
    {s} measurements
    How large is {s}?
    how much space does {s} take up
    What does {s} measure?
    whats the size of {s}
    Will {s} fit in a small space? how big is it
    {s} dimensions please
    """)

_product("colours", "colour_list",
    "Colours | Colors | Colour options | Available colours | Finish | Colourways | Color options",
    """
    comes in {V}
    is available in {V}
    is offered in {V}
    can be ordered in {V}
    is sold in {V}
    """,
    """
    {S} comes in {V}.
    You can choose {S} in {V}.
    {S} is available in {V}.
    Colour options for {S}: {V}.
    We offer {S} in {V}.
    {S} is currently sold in {V}.
    """,
    """
    What colours does {s} come in?
    Which colors is {s} available in?
    does {s} come in other colours
    {s} colour options
    colours of {s}?
    What colour options are there for {s}?
    can I get {s} in a different colour
    which finishes does {s} come in
    What colors can I choose for {s}?
    is {s} available in any other colors
    {s} colors
    """)

_product("materials", "material_list",
    "Material | Materials | Made of | Construction | Body material | Main material | Fabric",
    """
    is made of {V}
    is made from {V}
    is built from {V}
    is constructed from {V}
    is crafted from {V}
    uses {V}
    """,
    """
    {S} is made of {V}.
    {S} is built from {V} for everyday durability.
    We make {S} from {V}.
    The body of {S} is made from {V}.
    {S} is crafted from {V}.
    Materials used in {S}: {V}.
    """,
    """
    What is {s} made of?
    What material is {s}?
    which materials are used in {s}
    what's {s} made from
    {s} material
    what is the {s} constructed from
    materials of {s}?
    What kind of material does {s} use?
    what fabric is {s}
    tell me what {s} is made out of
    """)

_product("warranty", "duration_years",
    "Warranty | Guarantee | Warranty period | Manufacturer's warranty | Warranty cover | Guarantee period",
    """
    is covered for {V}
    comes with a warranty of {V}
    is guaranteed for {V}
    carries a warranty of {V}
    has a warranty period of {V}
    is backed by a warranty of {V}
    """,
    """
    {S} comes with a warranty of {V}.
    {S} is covered by our guarantee for {V}.
    We guarantee {S} for {V} from the date of purchase.
    The warranty on {S} lasts {V}.
    {S} is backed by a manufacturer's warranty of {V}.
    {S} is guaranteed against manufacturing defects for {V}.
    """,
    """
    How long is the warranty on {s}?
    What warranty does {s} have?
    is {s} under warranty
    warranty period for {s}?
    {s} warranty
    How long is {s} guaranteed for?
    what's the guarantee on {s}
    does {s} come with a warranty
    For how long is {s} covered?
    how many years warranty on {s}
    if {s} breaks, how long am i covered
    """)

_product("release_date", "month_year",
    "Release date | Launch date | Launched | Available since | Released | On sale since | Market launch",
    """
    was released in {V}
    launched in {V}
    came out in {V}
    went on sale in {V}
    has been available since {V}
    first appeared in {V}
    """,
    """
    {S} was released in {V}.
    {S} launched in {V}.
    We introduced {S} in {V}.
    {S} has been on sale since {V}.
    First released in {V}, {S} is still one of our best sellers.
    {S} came out in {V}.
    """,
    """
    When was {s} released?
    When did {s} come out?
    release date of {s}?
    when was {s} launched
    How old is the {s} model?
    {s} launch date
    since when is {s} available
    When did {s} go on sale?
    what year did {s} come out
    is {s} a new model? when was it released
    """)

_product("country_of_manufacture", "country",
    "Made in | Country of origin | Country of manufacture | Origin | Manufactured in | Produced in",
    """
    is made in {V}
    is manufactured in {V}
    is produced in {V}
    is assembled in {V}
    is built in {V}
    comes from {V}
    """,
    """
    {S} is made in {V}.
    We manufacture {S} in {V}.
    {S} is designed in-house and produced in {V}.
    {S} is assembled by hand in {V}.
    {S} is built at our partner factory in {V}.
    Country of origin for {S}: {V}.
    """,
    """
    Where is {s} made?
    Which country is {s} manufactured in?
    where is {s} produced
    country of origin of {s}?
    {s} made in
    where does {s} come from
    where's the {s} built
    In which country is {s} assembled?
    who makes {s} and where
    """)

_product("included_accessories", "accessory_list",
    "In the box | What's in the box | Included accessories | Box contents | Scope of delivery | Included | Package contents",
    """
    comes with {V}
    ships with {V}
    includes {V}
    is supplied with {V}
    is delivered with {V}
    """,
    """
    {S} comes with {V}.
    In the box with {S} you'll find {V}.
    {S} is supplied with {V}.
    Along with {S}, the package includes {V}.
    {S} ships with {V}.
    {S} is delivered with {V}.
    """,
    """
    What comes in the box with {s}?
    What's included with {s}?
    what accessories come with {s}
    does {s} come with anything
    {s} box contents
    What do I get with {s}?
    what is in the package of {s}
    included accessories for {s}?
    Does {s} ship with a charger or cable?
    whats in the box {s}
    What is supplied with {s}?
    """)

_product("model_number", "model_number",
    "Model number | Model | Model no. | Item number | Part number | Article no. | Type",
    """
    has the model number {V}
    is sold under model number {V}
    carries the model number {V}
    is listed as model {V}
    has the part number {V}
    """,
    """
    {S} has the model number {V}.
    The model number of {S} is {V}.
    You'll find {S} in our catalogue under model number {V}.
    {S} is listed as {V} on invoices and spare-part orders.
    When contacting support about {S}, quote model number {V}.
    {S} (model {V}) is the current version.
    """,
    """
    What is the model number of {s}?
    model number for {s}?
    which model number is {s}
    {s} model no
    What's the part number of {s}?
    how do I find the model number of my {s}
    what's {s}'s article number
    Which model is {s} exactly?
    item number of {s}
    tell me the model number for the {s}
    """)

_product("compatibility", "compatibility",
    "Compatibility | Compatible with | Works with | System requirements | Supported devices | Requirements",
    """
    works with {V}
    is compatible with {V}
    supports {V}
    pairs with {V}
    can be used with {V}
    """,
    """
    {S} works with {V}.
    {S} is compatible with {V}.
    You can use {S} with {V}.
    {S} supports {V}.
    For the app, {S} requires {V}.
    {S} has been tested with {V}.
    """,
    """
    What is {s} compatible with?
    Does {s} work with my phone?
    which devices work with {s}
    {s} compatibility
    What does {s} work with?
    system requirements for {s}?
    Which devices does {s} support?
    will {s} work with my laptop
    does the {s} app work on my device
    """)

_product("connectivity", "connectivity",
    "Connectivity | Connections | Wireless | Interfaces | Connectivity options",
    """
    connects via {V}
    offers {V}
    supports {V}
    has {V}
    features {V}
    """,
    """
    {S} connects via {V}.
    For connectivity, {S} offers {V}.
    {S} supports {V}.
    {S} comes with {V} built in.
    Connections on {S}: {V}.
    You can connect {S} using {V}.
    """,
    """
    How does {s} connect?
    What connectivity does {s} have?
    {s} connectivity
    what connections does {s} offer
    how do i connect {s}
    what can i connect {s} to
    Does {s} have wireless connectivity?
    Which wireless standards does {s} support?
    which wireless connections does {s} have
    """)

_product("power", "power",
    "Power | Wattage | Power output | Rated power | Power consumption | Output | Max. power",
    """
    draws {V}
    is rated at {V}
    has a power output of {V}
    runs at {V}
    delivers {V}
    uses {V} at full power
    """,
    """
    {S} is rated at {V}.
    With {V} of power, {S} gets the job done quickly.
    {S} has a rated power of {V}.
    {S} draws {V} at full power.
    The motor in {S} delivers {V}.
    Power output of {S}: {V}.
    """,
    """
    How powerful is {s}?
    What is the wattage of {s}?
    how many watts is {s}
    power of {s}?
    {s} wattage
    What's the power output of {s}?
    how much power does {s} use
    How many watts does {s} draw?
    whats the rated power of the {s}
    is {s} powerful
    """)

_product("voltage", "voltage",
    "Voltage | Rated voltage | Input voltage | Operating voltage | Mains voltage | Supply voltage",
    """
    runs on {V}
    operates at {V}
    works at {V}
    is rated for {V}
    needs a supply of {V}
    """,
    """
    {S} runs on {V}.
    {S} is designed for {V}.
    The rated voltage of {S} is {V}.
    {S} operates at {V}.
    Please only connect {S} to {V}.
    Input voltage for {S}: {V}.
    """,
    """
    What voltage does {s} use?
    Which voltage is {s} rated for?
    what voltage is {s}
    {s} voltage
    Can I use {s} abroad? what voltage does it need
    operating voltage of {s}?
    What is the input voltage of {s}?
    is {s} dual voltage
    what's the voltage of the {s} battery
    """)

_product("cable_length", "length",
    "Cable length | Cord length | Power cord | Lead length | Cable | Length of cable",
    """
    has a cable length of {V}
    comes with a power cord of {V}
    has a cord length of {V}
    reaches {V} from the socket
    """,
    """
    {S} has a cable length of {V}.
    The power cord of {S} is {V} long.
    With a cord of {V}, {S} reaches most sockets easily.
    {S} comes with a power cable that is {V} long.
    Cord length of {S}: {V}.
    """,
    """
    How long is the cable on {s}?
    What is the cord length of {s}?
    how long is the {s} power cord
    cable length of {s}?
    {s} cord length
    is the cable on {s} long enough
    How far does the cord of {s} reach?
    whats the length of the cable for {s}
    How long is the lead on {s}?
    does {s} have a long cable
    """)

_product("noise_level", "noise",
    "Noise level | Noise | Sound level | Sound power level | Noise emission | Loudness | Operating noise",
    """
    runs at {V}
    operates at {V}
    produces {V}
    has a noise level of {V}
    stays at {V}
    """,
    """
    {S} runs at {V}.
    With a noise level of {V}, {S} won't disturb you.
    {S} operates at {V} on its lowest setting.
    The noise level of {S} is {V}.
    {S} produces {V} during normal use.
    Measured noise for {S}: {V}.
    """,
    """
    How loud is {s}?
    What is the noise level of {s}?
    is {s} noisy
    how many decibels is {s}
    {s} noise level
    Is {s} quiet?
    how much noise does {s} make
    What's the decibel rating of {s}?
    will {s} wake the baby? how loud is it
    loudness of {s}?
    is the {s} quiet enough for night use
    """)

_product("battery_life", "battery_life",
    "Battery life | Battery | Runtime | Playtime | Battery runtime | Usage time | Battery (typical use)",
    """
    lasts {V} on a single charge
    runs for {V} on a full battery
    gives you {V} of use per charge
    keeps going for {V}
    lasts {V} between charges
    offers a battery life of {V}
    """,
    """
    {S} lasts {V} on a single charge.
    The battery of {S} gives you {V} of use.
    On a full charge, {S} runs for {V}.
    {S} offers a battery life of {V}.
    With typical use, you can expect {V} from {S} before it needs charging.
    Battery life of {S}: {V} (depending on settings).
    {S} keeps going for {V} between charges.
    """,
    """
    How long does the battery of {s} last?
    What is the battery life of {s}?
    battery life of {s}?
    how long does {s} last on a charge
    {s} battery
    How many hours does {s} run?
    how long can i use {s} before charging
    What's the runtime of {s}?
    does the {s} battery last long
    how long will {s} last on one charge
    battery {s} how long
    How often do I need to charge {s}?
    """)

_product("charging_time", "duration_hours",
    "Charging time | Charge time | Recharge time | Full charge | Time to full charge | Charging",
    """
    charges in {V}
    takes {V} to charge fully
    fully recharges in {V}
    needs {V} to charge
    is fully charged after {V}
    """,
    """
    {S} charges fully in {V}.
    It takes {V} to charge {S} from empty.
    {S} is fully charged after {V}.
    A full recharge of {S} takes {V}.
    Charging time for {S}: {V}.
    Plug {S} in and it will be fully charged in {V}.
    """,
    """
    How long does {s} take to charge?
    What is the charging time of {s}?
    how long to charge {s}
    {s} charging time
    How long does it take to fully charge {s}?
    charge time for {s}?
    how long does {s} need on the charger
    how long until {s} is fully charged
    How many hours does {s} need to charge?
    how long does a full charge of {s} take
    """)

_product("battery_capacity", "battery_capacity",
    "Battery capacity | Battery | Capacity | Battery size | Cell capacity | Battery pack",
    """
    has a battery capacity of {V}
    has a battery of {V}
    is powered by a battery of {V}
    comes with a battery rated at {V}
    packs {V} of battery capacity
    """,
    """
    {S} has a battery capacity of {V}.
    {S} is powered by a battery of {V}.
    Battery capacity of {S}: {V}.
    Inside {S} sits a battery rated at {V}.
    The battery in {S} has a capacity of {V}.
    {S} packs {V} of battery capacity.
    """,
    """
    What is the battery capacity of {s}?
    How big is the battery in {s}?
    battery size of {s}?
    how many mAh is {s}
    {s} battery capacity
    What capacity does the {s} battery have?
    how large is the {s} battery
    what battery does {s} have
    Which battery is in {s}?
    capacity of the {s} battery
    """)

_product("charging_port", "port",
    "Charging port | Charging | Port | Connector | Charging connector | Charging interface",
    """
    charges via {V}
    charges through {V}
    uses {V} for charging
    has {V} for charging
    is charged via {V}
    """,
    """
    {S} charges via {V}.
    To charge {S}, use {V}.
    {S} uses {V} for charging.
    Charging {S} works through {V}.
    {S} is charged via {V}.
    Charging port on {S}: {V}.
    """,
    """
    What charging port does {s} have?
    How do I charge {s}?
    which cable do I need to charge {s}
    {s} charging port
    what connector does {s} use
    how is {s} charged
    What charger does {s} need?
    charging port on {s}?
    can i charge {s} with my phone charger
    """)

_product("water_resistance", "ip_rating",
    "Water resistance | IP rating | Waterproof rating | Protection class | Splash protection | Water rating",
    """
    is rated {V}
    has a water resistance rating of {V}
    meets {V}
    is certified to {V}
    carries a rating of {V}
    """,
    """
    {S} is rated {V}.
    {S} has a water resistance rating of {V}.
    With its {V} rating, {S} copes with rain and splashes.
    The IP rating of {S} is {V}.
    {S} is certified to {V}.
    Water resistance: {S} meets {V}.
    """,
    """
    Is {s} waterproof?
    What is the IP rating of {s}?
    how water resistant is {s}
    can {s} get wet
    {s} waterproof rating
    Can I use {s} in the rain?
    is {s} water resistant
    what ip rating does {s} have
    Can I take {s} in the shower?
    water resistance of {s}?
    is the {s} splash proof
    """)

# --- how-to and care --------------------------------------------------------------------

_product("reset_method", "button_action",
    "Factory reset | Reset | How to reset | Resetting | Reset procedure | Restore factory settings",
    """
    resets when you {V}
    returns to factory settings when you {V}
    can be reset if you {V}
    goes back to its default settings when you {V}
    is restored to factory settings if you {V}
    """,
    """
    To reset {S}, {V}.
    To restore {S} to its factory settings, {V}.
    If {S} stops responding, {V} to reset it.
    Resetting {S} is simple: {V}.
    For a factory reset of {S}, {V}; all settings will be erased.
    Has {S} frozen? Just {V}.
    """,
    """
    How do I reset {s}?
    How can I factory reset {s}?
    reset {s}?
    {s} reset
    how to reset {s}
    My {s} is frozen, how do I restart it?
    how do you do a factory reset on {s}
    {s} not responding what do i do
    What's the reset procedure for {s}?
    how can i restore {s} to factory settings
    is there a reset button on {s}
    """)

_product("pairing_method", "button_gesture",
    "Pairing | Bluetooth pairing | How to pair | Pairing mode | Connecting | Pair a device",
    """
    enters pairing mode after {V}
    goes into pairing mode after {V}
    is put into pairing mode by {V}
    starts pairing after {V}
    switches to pairing mode after {V}
    """,
    """
    {S} enters pairing mode after {V}.
    To pair {S} with your phone, put it into pairing mode by {V}.
    Pairing mode on {S} is activated by {V}.
    You can connect {S} to a new device after {V}.
    {S} becomes visible to other devices after {V}.
    Pairing {S}: start with {V}, then select it in your Bluetooth settings.
    """,
    """
    How do I pair {s}?
    How do I connect {s} to my phone?
    pairing {s}?
    how to put {s} in pairing mode
    {s} pairing mode
    How do I get {s} into Bluetooth pairing?
    {s} wont connect to my phone, how do i pair it
    how do you pair {s} with a laptop
    How can I connect {s} via Bluetooth?
    how to pair {s} with a new device
    """)

_product("cleaning", "cleaning_method",
    "Cleaning | Care | Care instructions | How to clean | Cleaning and care | Maintenance",
    """
    is easy to clean: just {V}
    is best cleaned if you {V}
    stays clean if you {V}
    can be cleaned if you {V}
    """,
    """
    To clean {S}, {V}.
    Cleaning {S} is easy: {V}.
    After each use, {V}; this keeps {S} in good shape.
    We recommend that you {V} to clean {S}.
    To keep {S} looking like new, {V}.
    Care for {S}: {V}.
    """,
    """
    How do I clean {s}?
    How should I clean {s}?
    cleaning {s}?
    how to clean {s}
    {s} cleaning instructions
    Is {s} dishwasher safe?
    what's the best way to clean {s}
    how do you wash {s}
    How do I take care of {s}?
    can i put {s} in the dishwasher
    care instructions for {s}
    """)

_product("descaling", "descale_method",
    "Descaling | Descale | Limescale removal | Decalcifying | How to descale | Descaling procedure",
    """
    is descaled if you {V}
    can be descaled if you {V}
    is kept free of limescale if you {V}
    stays free of limescale when you {V}
    """,
    """
    To descale {S}, {V}.
    Descaling {S} is simple: {V}.
    When the descale light on {S} comes on, {V}.
    To remove limescale from {S}, {V}.
    We recommend that you {V} to descale {S}.
    In hard-water areas, descale {S} regularly: {V}.
    """,
    """
    How do I descale {s}?
    How should I descale {s}?
    descaling {s}?
    how to descale {s}
    {s} descale
    How do I get limescale out of {s}?
    the descale light on {s} is on, what do i do
    what's the descaling procedure for {s}
    can i descale {s} with vinegar
    How do you decalcify {s}?
    """)

_product("serial_number_location", "location_phrase",
    "Serial number | Serial no. location | Where to find the serial number | Serial number location | S/N",
    """
    has its serial number {V}
    shows its serial number {V}
    carries its serial number {V}
    has the serial number printed {V}
    """,
    """
    The serial number of {S} is printed {V}.
    On {S}, you'll find the serial number {V}.
    The serial number for {S} is located {V}.
    To register {S}, use the serial number {V}.
    {S} has its serial number {V}.
    Look for the serial number of {S} {V}.
    """,
    """
    Where is the serial number on {s}?
    Where can I find the serial number of {s}?
    serial number {s}?
    how do i find the serial number on my {s}
    {s} serial number location
    where's the serial no on {s}
    Where is the S/N of {s}?
    i can't find the serial number of {s}
    Where do I find the serial number for {s}?
    where is the serial printed on {s}
    """)

# --- spare parts -------------------------------------------------------------------------

_product("filter_price", "price_small",
    "Replacement filter | Spare filter | Filter price | Replacement filter price | Filter (spare part) | Filter set",
    """
    takes replacement filters that cost {V}
    uses filters that cost {V} each
    needs filters priced at {V}
    uses spare filters at {V}
    """,
    """
    Replacement filters for {S} cost {V}.
    A new filter for {S} is {V}.
    Spare filters for {S} are available in our shop for {V}.
    The replacement filter for {S} sells for {V}.
    Filter for {S}: {V} per piece.
    You can order a new filter for {S} for {V}.
    """,
    """
    How much is a replacement filter for {s}?
    What does a new filter for {s} cost?
    price of {s} filters?
    how much are spare filters for {s}
    {s} replacement filter price
    filter for {s} cost
    Where can I buy filters for {s} and how much are they?
    how expensive are the {s} filters
    What do replacement filters for {s} cost?
    how much is a new {s} filter
    """)

_product("filter_interval", "interval",
    "Filter change | Filter replacement | Replace filter | Filter interval | Filter life | Change filter",
    """
    needs a new filter {V}
    needs its filter replaced {V}
    should get a fresh filter {V}
    needs its filter changed {V}
    """,
    """
    Replace the filter of {S} {V}.
    The filter in {S} should be changed {V}.
    For the best results, give {S} a new filter {V}.
    We recommend replacing the filter in {S} {V}.
    {S} reminds you to change the filter {V}.
    Filter replacement for {S}: {V}.
    """,
    """
    How often should I change the filter in {s}?
    When do I need to replace the filter of {s}?
    how often to replace {s} filter
    {s} filter change interval
    How long does a filter last in {s}?
    how often does the filter on {s} need changing
    when should i change the {s} filter
    filter life {s}?
    How frequently do I replace the filter in {s}?
    does the {s} filter need replacing often
    """)

_product("spare_battery_price", "price",
    "Spare battery | Replacement battery | Extra battery | Battery (spare part) | Second battery | Battery price",
    """
    takes spare batteries that cost {V}
    uses a replacement battery priced at {V}
    has spare batteries available for {V}
    works with an extra battery costing {V}
    """,
    """
    A spare battery for {S} costs {V}.
    Replacement batteries for {S} are available for {V}.
    You can buy a second battery for {S} for {V}.
    An extra battery for {S} sells for {V}.
    Spare battery for {S}: {V}.
    If the battery of {S} wears out, a new one costs {V}.
    """,
    """
    How much is a spare battery for {s}?
    What does a replacement battery for {s} cost?
    price of a {s} battery?
    how much is an extra battery for {s}
    {s} spare battery price
    Can I buy a second battery for {s}? How much?
    new battery for {s} cost
    how expensive is a replacement battery for {s}
    What's the price of a replacement battery for {s}?
    how much does the {s} battery cost to replace
    """)

_product("replacement_head_price", "price_small",
    "Replacement heads | Brush heads | Spare heads | Replacement head price | Heads (pack) | Refill heads",
    """
    takes replacement heads that cost {V}
    uses brush heads priced at {V}
    has spare heads available for {V}
    uses refill heads at {V}
    """,
    """
    Replacement heads for {S} cost {V}.
    A pack of spare heads for {S} is {V}.
    New brush heads for {S} are available for {V}.
    Replacement heads for {S} sell for {V}.
    Heads for {S}: {V}.
    You can reorder heads for {S} for {V}.
    """,
    """
    How much are replacement heads for {s}?
    What do new brush heads for {s} cost?
    price of {s} heads?
    how much is a spare head for {s}
    {s} replacement head price
    brush heads for {s} cost
    how expensive are refill heads for {s}
    What's the price of replacement heads for {s}?
    how much do {s} heads cost
    are replacement heads for {s} expensive
    """)

_product("replacement_blade_price", "price_small",
    "Replacement blade | Spare blade | Blade price | Blade (spare part) | Cutting blade | Replacement cutter",
    """
    takes replacement blades that cost {V}
    uses spare blades priced at {V}
    has new blades available for {V}
    uses a replacement blade costing {V}
    """,
    """
    A replacement blade for {S} costs {V}.
    Spare blades for {S} are available for {V}.
    A new blade for {S} sells for {V}.
    When the blade of {S} gets dull, a new one costs {V}.
    Replacement blade for {S}: {V}.
    You can order a spare blade for {S} for {V}.
    """,
    """
    How much is a replacement blade for {s}?
    What does a new blade for {s} cost?
    price of a {s} blade?
    how much are spare blades for {s}
    {s} blade price
    replacement blade {s} cost
    how expensive is a new blade for {s}
    What's the price of a spare blade for {s}?
    how much do {s} blades cost
    is a new blade for {s} expensive
    """)

# --- capacity, load, settings ---------------------------------------------------------------

_product("capacity", "volume",
    "Capacity | Volume | Holds | Jug capacity | Max. capacity | Usable capacity | Fill volume",
    """
    holds {V}
    has a capacity of {V}
    can hold {V}
    takes {V}
    fits {V}
    has room for {V}
    """,
    """
    {S} holds {V}.
    With a capacity of {V}, {S} is big enough for the whole family.
    {S} has a capacity of {V}.
    You can fill {S} with {V}.
    {S} takes {V} at a time.
    Capacity of {S}: {V}.
    """,
    """
    How much does {s} hold?
    What is the capacity of {s}?
    how much liquid does {s} take
    capacity of {s}?
    {s} capacity
    How much fits in {s}?
    how many litres does {s} hold
    What volume does {s} have?
    is {s} big enough for a family? how much does it hold
    whats the max capacity of the {s}
    how much can i put in {s}
    """)

_product("max_load", "load",
    "Max. load | Maximum load | Load capacity | Weight capacity | Max. weight | Carrying capacity | Payload",
    """
    supports {V}
    can carry {V}
    holds {V}
    has a maximum load of {V}
    is rated for loads of {V}
    takes loads of {V}
    """,
    """
    {S} supports {V}.
    The maximum load of {S} is {V}.
    {S} is tested to carry {V}.
    Don't load {S} with more than {V}.
    {S} has a load capacity of {V}.
    Max. load for {S}: {V}.
    """,
    """
    How much weight can {s} hold?
    What is the maximum load of {s}?
    how much can {s} carry
    max load {s}?
    {s} weight capacity
    What's the weight limit of {s}?
    how much weight does {s} support
    How much can I put on {s}?
    load capacity of {s}
    is {s} strong enough for heavy things? what's the max load
    """)

_product("number_of_speeds", "count",
    "Speeds | Speed settings | Number of speeds | Speed levels | Speed stages | Power levels",
    """
    has {V} speed settings
    offers {V} speeds
    comes with {V} speed levels
    lets you choose from {V} speeds
    has {V} power levels
    """,
    """
    {S} has {V} speed settings.
    You can choose between {V} speeds on {S}.
    {S} offers {V} speed levels for everything from gentle to full power.
    With {V} speed settings, {S} handles any task.
    Speeds on {S}: {V}.
    {S} comes with {V} power levels.
    """,
    """
    How many speeds does {s} have?
    How many speed settings are there on {s}?
    number of speeds on {s}?
    how many power levels does {s} have
    {s} speed settings
    does {s} have different speeds
    How many speed levels does {s} offer?
    speeds {s}?
    what speeds does {s} have
    how many settings does the {s} motor have
    """)

_product("number_of_programs", "count",
    "Programmes | Programs | Number of programmes | Preset programs | Auto programs | Cooking programs | Wash programmes",
    """
    has {V} programmes
    offers {V} preset programs
    comes with {V} automatic programmes
    has {V} built-in programs
    features {V} programmes
    """,
    """
    {S} has {V} programmes.
    {S} offers {V} preset programs for different tasks.
    You can choose from {V} automatic programmes on {S}.
    With {V} built-in programs, {S} does most of the work for you.
    Programmes on {S}: {V}.
    {S} comes with {V} programmes.
    """,
    """
    How many programmes does {s} have?
    How many programs are there on {s}?
    number of programs on {s}?
    how many preset programmes does {s} offer
    {s} programmes
    what programs does {s} have
    How many automatic programs does {s} have?
    programmes {s}?
    does {s} have many programs
    how many wash programmes on the {s}
    """)

_product("modes", "mode_list",
    "Modes | Operating modes | Settings | Mode options | Functions | Presets",
    """
    has {V} modes
    offers {V} modes
    switches between {V}
    comes with {V} modes
    lets you pick from {V}
    """,
    """
    {S} has {V} modes.
    You can switch {S} between {V}.
    {S} offers {V} modes for different situations.
    Modes available on {S}: {V}.
    {S} comes with {V} modes.
    To suit the task, switch {S} between {V}.
    """,
    """
    What modes does {s} have?
    Which modes are there on {s}?
    modes of {s}?
    what functions does {s} have
    {s} modes
    what operating modes does {s} offer
    Which modes can I choose on {s}?
    what are the different modes on {s}
    """)

_product("temperature_range", "temperature_range",
    "Temperature range | Temperature settings | Temperature | Adjustable temperature | Operating temperature | Heat range",
    """
    has a temperature range of {V}
    can be set to {V}
    covers {V}
    works in a temperature range of {V}
    offers temperatures of {V}
    """,
    """
    {S} has a temperature range of {V}.
    You can set {S} to {V}.
    {S} covers {V}, so it suits many uses.
    Temperature range of {S}: {V}.
    {S} works reliably at {V}.
    The thermostat of {S} adjusts within {V}.
    """,
    """
    What temperature range does {s} have?
    What temperatures can {s} be set to?
    temperature range of {s}?
    from what to what temperature does {s} go
    {s} min and max temperature
    What's the lowest and highest temperature on {s}?
    what temperatures does {s} work at
    Which temperatures does {s} support?
    temperature range {s}
    how low and how high can i set {s}
    """)

_product("max_temperature", "temperature",
    "Max. temperature | Maximum temperature | Top temperature | Max. heat | Highest temperature | Temperature (max.)",
    """
    reaches {V}
    heats up as far as {V}
    gets as hot as {V}
    has a maximum temperature of {V}
    goes up as far as {V}
    """,
    """
    {S} reaches {V}.
    The maximum temperature of {S} is {V}.
    {S} heats up as far as {V}.
    At its highest setting, {S} gets as hot as {V}.
    {S} has a top temperature of {V}.
    Max. temperature of {S}: {V}.
    """,
    """
    How hot does {s} get?
    What is the maximum temperature of {s}?
    max temperature of {s}?
    how hot can {s} go
    {s} max temp
    What's the highest temperature on {s}?
    how high does the temperature go on {s}
    Does {s} get very hot?
    top temperature {s}
    what temperature can {s} reach
    """)

_product("heat_up_time", "duration_short",
    "Heat-up time | Heating time | Ready in | Warm-up time | Time to heat | Preheat time",
    """
    heats up in {V}
    is ready in {V}
    takes {V} to heat up
    reaches temperature in {V}
    warms up in {V}
    """,
    """
    {S} heats up in {V}.
    {S} is ready to use in {V}.
    It takes {V} for {S} to reach full temperature.
    After switching on, {S} warms up in {V}.
    Heat-up time of {S}: {V}.
    {S} reaches its working temperature in {V}.
    """,
    """
    How long does {s} take to heat up?
    How quickly is {s} ready?
    heat up time of {s}?
    how fast does {s} heat up
    {s} warm up time
    How long until {s} is hot?
    how long does {s} take to preheat
    How long is the heating time of {s}?
    is {s} quick to heat up
    how many seconds for {s} to get hot
    """)

# --- displays, computing, cameras -----------------------------------------------------------------

_product("screen_size", "screen_size",
    "Screen size | Display | Display size | Screen | Screen diagonal | Display diagonal",
    """
    has a screen size of {V}
    has a display that measures {V}
    comes with a display of {V}
    has a screen diagonal of {V}
    features a display measuring {V}
    """,
    """
    {S} has a screen size of {V}.
    The display of {S} measures {V}.
    {S} features a bright display that measures {V} diagonally.
    Screen size of {S}: {V}.
    With a display of {V}, {S} shows plenty of detail.
    The screen on {S} is {V}.
    """,
    """
    How big is the screen on {s}?
    What is the screen size of {s}?
    display size of {s}?
    how large is the {s} display
    {s} screen size
    How many inches is {s}?
    whats the screen diagonal of {s}
    Is the display on {s} big?
    how big is {s}'s display
    screen {s} size
    """)

_product("storage", "data_size",
    "Storage | Internal storage | Memory | Storage capacity | SSD | Capacity | Built-in storage",
    """
    comes with {V} of storage
    has {V} of storage
    offers {V} of internal storage
    has {V} of built-in storage
    ships with {V} of storage
    """,
    """
    {S} comes with {V} of storage.
    {S} offers {V} of internal storage.
    With {V} of storage, {S} has plenty of room for photos and apps.
    Storage of {S}: {V}.
    {S} has {V} of built-in storage.
    The SSD in {S} holds {V}.
    """,
    """
    How much storage does {s} have?
    What is the storage capacity of {s}?
    storage of {s}?
    how many GB is {s}
    {s} storage
    How much space is on {s}?
    how much space for files does {s} have
    Is the storage on {s} enough?
    internal storage {s}
    what size ssd does {s} have
    """)

_product("ram", "memory",
    "RAM | Memory | Working memory | System memory | Memory (RAM) | Installed RAM",
    """
    has {V} of RAM
    comes with {V} of memory
    ships with {V} of RAM
    is equipped with {V} of RAM
    runs on {V} of RAM
    """,
    """
    {S} has {V} of RAM.
    {S} comes with {V} of memory, enough for heavy multitasking.
    With {V} of RAM, {S} runs smoothly.
    Memory of {S}: {V}.
    {S} is equipped with {V} of RAM.
    Inside {S} you get {V} of RAM.
    """,
    """
    How much RAM does {s} have?
    What is the memory of {s}?
    ram of {s}?
    how much memory is in {s}
    {s} ram
    How many GB of RAM does {s} come with?
    is {s} good for multitasking, how much ram
    What's the RAM on {s}?
    memory {s}?
    does {s} have enough ram
    """)

_product("resolution", "resolution",
    "Resolution | Display resolution | Screen resolution | Native resolution | Pixels | Max. resolution",
    """
    has a resolution of {V}
    runs at a resolution of {V}
    displays {V}
    shows images at {V}
    offers a resolution of {V}
    """,
    """
    {S} has a resolution of {V}.
    {S} displays {V} for sharp images.
    The screen of {S} runs at {V}.
    Resolution of {S}: {V}.
    With a resolution of {V}, {S} shows fine detail.
    {S} offers a native resolution of {V}.
    """,
    """
    What is the resolution of {s}?
    What resolution does {s} have?
    resolution of {s}?
    {s} resolution
    How sharp is the screen of {s}?
    what's the native resolution of {s}
    How many pixels does {s} have?
    screen resolution {s}
    """)

_product("refresh_rate", "refresh_rate",
    "Refresh rate | Refresh | Frame rate | Display refresh rate | Max. refresh rate | Hz",
    """
    has a refresh rate of {V}
    refreshes at {V}
    runs at {V}
    offers a refresh rate of {V}
    supports {V}
    """,
    """
    {S} has a refresh rate of {V}.
    {S} refreshes at {V} for smooth motion.
    The display of {S} runs at {V}.
    Refresh rate of {S}: {V}.
    With a refresh rate of {V}, {S} shows smooth motion.
    {S} supports a refresh rate of {V}.
    """,
    """
    What is the refresh rate of {s}?
    How many Hz is {s}?
    refresh rate of {s}?
    is {s} good for gaming, what refresh rate
    {s} refresh rate
    What refresh rate does {s} support?
    how fast does the {s} screen refresh
    max refresh rate {s}
    What Hz does the {s} display run at?
    """)

_product("operating_system", "os",
    "Operating system | OS | Software | Platform | System | Pre-installed OS",
    """
    runs {V}
    runs on {V}
    comes with {V}
    ships with {V}
    uses {V}
    """,
    """
    {S} runs {V}.
    {S} comes with {V} pre-installed.
    {S} ships with {V}.
    Operating system of {S}: {V}.
    Out of the box, {S} runs on {V}.
    The software on {S} is {V}.
    """,
    """
    What operating system does {s} run?
    Which OS does {s} use?
    os of {s}?
    {s} operating system
    What software does {s} come with?
    Which system is installed on {s}?
    what os is on {s}
    what does {s} run on
    """)

_product("camera_resolution", "megapixels",
    "Camera | Main camera | Sensor resolution | Camera resolution | Megapixels | Effective pixels",
    """
    has a camera resolution of {V}
    shoots at {V}
    captures photos at {V}
    has a main camera with {V}
    takes pictures at {V}
    """,
    """
    {S} has a main camera with {V}.
    {S} captures photos at {V}.
    The sensor of {S} delivers {V}.
    Camera resolution of {S}: {V}.
    With {V}, {S} takes detailed shots even when cropped.
    {S} shoots stills at {V}.
    """,
    """
    How many megapixels does {s} have?
    What is the camera resolution of {s}?
    megapixels of {s}?
    how good is the camera on {s}
    {s} camera
    How many MP is the {s} camera?
    what resolution does {s} take photos at
    What's the sensor resolution of {s}?
    {s} megapixels
    is the camera on {s} good
    """)

_product("optical_zoom", "zoom",
    "Optical zoom | Zoom | Zoom range | Zoom factor | Telephoto zoom | Max. zoom",
    """
    offers {V} optical zoom
    has an optical zoom of {V}
    zooms in {V}
    gives you {V} zoom
    magnifies up to {V}
    """,
    """
    {S} offers {V} optical zoom.
    With {V} zoom, {S} gets you close to the action.
    The lens of {S} offers {V} optical zoom.
    Zoom of {S}: {V}.
    The telephoto camera of {S} zooms in {V}.
    {S} lets you zoom in {V} without losing quality.
    """,
    """
    How much zoom does {s} have?
    What is the optical zoom of {s}?
    zoom of {s}?
    how far can {s} zoom
    {s} zoom
    Does {s} have optical zoom?
    whats the max zoom on {s}
    How many times zoom does {s} offer?
    zoom factor {s}
    how good is the zoom on {s}
    """)

_product("aperture", "aperture",
    "Aperture | Max. aperture | Maximum aperture | Lens aperture | f-number | Lens",
    """
    has an aperture of {V}
    has a maximum aperture of {V}
    opens up to {V}
    shoots at {V}
    has a lens rated at {V}
    """,
    """
    {S} has a maximum aperture of {V}.
    With an aperture of {V}, {S} does well in low light.
    The lens of {S} opens up to {V}.
    Aperture of {S}: {V}.
    {S} has a bright lens rated at {V}.
    Shot wide open at {V}, {S} gives a soft background.
    """,
    """
    What is the aperture of {s}?
    What's the maximum aperture of {s}?
    aperture of {s}?
    how bright is the lens on {s}
    {s} aperture
    Is {s} good in low light? what aperture
    what f-number is {s}
    What aperture does the {s} lens have?
    max aperture {s}
    how wide does {s} open
    """)

_product("video_recording", "video_mode",
    "Video | Video recording | Video resolution | Max. video | Movie mode | Video capture",
    """
    records video in {V}
    films in {V}
    shoots video in {V}
    captures video in {V}
    supports video recording in {V}
    """,
    """
    {S} records video in {V}.
    {S} films in {V}.
    You can shoot video in {V} with {S}.
    Video recording on {S}: {V}.
    {S} captures smooth footage in {V}.
    For video, {S} supports {V}.
    """,
    """
    What video resolution does {s} record?
    video resolution of {s}?
    how good is the video on {s}
    {s} video
    What frame rates does {s} shoot?
    What's the max video quality of {s}?
    video recording {s}
    what can {s} film in
    """)

_product("assembly_time", "duration_minutes",
    "Assembly time | Assembly | Set-up time | Assembly required | Time to assemble | Set-up",
    """
    takes {V} to assemble
    can be assembled in {V}
    goes together in {V}
    is set up in {V}
    takes {V} to put together
    """,
    """
    {S} takes {V} to assemble.
    Most customers put {S} together in {V}.
    {S} can be assembled in {V} with the tools included.
    Assembly of {S} takes {V}.
    Allow {V} to set up {S}.
    {S} is set up and ready in {V}.
    """,
    """
    How long does it take to assemble {s}?
    How long does {s} take to put together?
    assembly time for {s}?
    is {s} hard to assemble
    {s} assembly
    How long does set-up of {s} take?
    how long to build {s}
    How much time do I need to assemble {s}?
    does {s} take long to put together
    assembling {s} how long
    """)

# --- bikes, scooters, cars ---------------------------------------------------------------------

_product("range", "distance",
    "Range | Max. range | Battery range | Range per charge | Riding range | Driving range | Electric range",
    """
    has a range of {V}
    goes {V} on a single charge
    covers {V} per charge
    travels {V} on a full battery
    offers a range of {V}
    """,
    """
    {S} has a range of {V}.
    On a full battery, {S} takes you {V}.
    {S} covers {V} on a single charge.
    Range of {S}: {V} (depending on load, terrain and weather).
    With a range of {V}, {S} easily handles a week of daily trips.
    You can travel {V} with {S} before it needs charging.
    """,
    """
    What is the range of {s}?
    How far can {s} go on one charge?
    range of {s}?
    how many km can {s} do
    {s} range
    How far does {s} get on a full battery?
    how far can i ride {s} before charging
    What's the max range of {s}?
    how many miles does {s} go
    does {s} have a good range
    range {s} per charge
    """)

_product("top_speed", "speed",
    "Top speed | Max. speed | Maximum speed | Speed | Assisted speed | Max. assist speed",
    """
    reaches {V}
    has a top speed of {V}
    can go {V}
    reaches speeds of {V}
    supports speeds of {V}
    """,
    """
    {S} reaches {V}.
    The top speed of {S} is {V}.
    {S} can go {V} on flat ground.
    {S} has a maximum speed of {V}.
    Top speed of {S}: {V}.
    {S} runs at speeds of {V}.
    """,
    """
    How fast does {s} go?
    What is the top speed of {s}?
    top speed of {s}?
    how fast is {s}
    {s} max speed
    What's the maximum speed of {s}?
    what's the top speed on {s}
    How fast can {s} go?
    speed of {s}
    whats the fastest {s} can go
    """)

_product("motor_power", "power",
    "Motor | Motor power | Rated power | Motor output | Power | Engine power",
    """
    has a motor rated at {V}
    is driven by a motor of {V}
    has a motor output of {V}
    uses a motor rated at {V}
    runs on a motor of {V}
    """,
    """
    {S} has a motor rated at {V}.
    The motor of {S} delivers {V}.
    {S} is powered by a motor with {V}.
    Motor power of {S}: {V}.
    With {V} of motor power, {S} never feels short of power.
    The electric motor in {S} is rated at {V}.
    """,
    """
    How powerful is the motor of {s}?
    What is the motor power of {s}?
    motor of {s}?
    how many watts is the {s} motor
    {s} motor power
    What motor does {s} have?
    how strong is {s}
    What's the rated power of the {s} motor?
    motor output {s}
    is the motor on {s} powerful enough
    """)

_product("torque", "torque",
    "Torque | Max. torque | Maximum torque | Torque (Nm) | Motor torque | Peak torque",
    """
    delivers {V} of torque
    has a torque of {V}
    produces {V} of torque
    has a maximum torque of {V}
    offers {V} of torque
    """,
    """
    {S} delivers {V} of torque.
    The maximum torque of {S} is {V}.
    With {V} of torque, {S} handles tough jobs easily.
    Torque of {S}: {V}.
    {S} produces {V} of torque.
    {S} has a peak torque of {V}.
    """,
    """
    How much torque does {s} have?
    What is the torque of {s}?
    torque of {s}?
    how many Nm is {s}
    {s} torque
    What's the max torque on {s}?
    how strong is the {s} motor, torque?
    How much torque does {s} deliver?
    peak torque {s}
    is {s} powerful enough, how much torque
    """)

_product("wheel_size", "wheel_size",
    "Wheel size | Wheels | Tyre size | Tire size | Wheel diameter | Rim size",
    """
    rolls on {V} wheels
    has {V} wheels
    comes with {V} wheels
    is built around {V} wheels
    uses {V} wheels
    """,
    """
    {S} rolls on {V} wheels.
    {S} has {V} wheels with puncture-resistant tyres.
    Wheel size of {S}: {V}.
    {S} is fitted with {V} wheels.
    With {V} wheels, {S} rolls smoothly over rough ground.
    {S} comes with {V} wheels.
    """,
    """
    What size are the wheels on {s}?
    What wheel size does {s} have?
    wheel size of {s}?
    how big are the wheels on {s}
    {s} wheel size
    What tyre size does {s} use?
    how large are {s}'s wheels
    What size tires does {s} take?
    wheels {s}?
    which wheel size is {s}
    """)

_product("frame_material", "frame_material",
    "Frame | Frame material | Frame construction | Chassis | Frameset | Frame made of",
    """
    has a frame made of {V}
    is built on a frame of {V}
    has a frame of {V}
    is built around a frame of {V}
    uses a frame made from {V}
    """,
    """
    {S} has a frame made of {V}.
    The frame of {S} is made from {V}.
    {S} is built around a light but stiff frame of {V}.
    Frame material of {S}: {V}.
    We build the frame of {S} from {V}.
    {S} uses a frame of {V}.
    """,
    """
    What is the frame of {s} made of?
    What frame material does {s} have?
    frame of {s}?
    {s} frame material
    What's the {s} frame made from?
    Which material is the frame of {s}?
    frame material {s}
    what kind of frame does {s} have
    """)

_product("gears", "count",
    "Gears | Number of gears | Speeds | Gearing | Drivetrain | Gear range",
    """
    has {V} gears
    comes with {V} gears
    offers {V} speeds
    shifts through {V} gears
    is fitted with {V} gears
    """,
    """
    {S} has {V} gears.
    With {V} gears, {S} handles steep hills and flat roads alike.
    {S} comes with {V} speeds.
    Gears on {S}: {V}.
    {S} shifts smoothly through {V} gears.
    {S} is fitted with {V} gears and hydraulic disc brakes.
    """,
    """
    How many gears does {s} have?
    How many speeds does {s} have?
    gears on {s}?
    number of gears {s}
    {s} gears
    is {s} a single speed or does it have gears
    How many gears are on {s}?
    how many speeds is {s}
    gearing of {s}?
    does {s} have enough gears for hills
    """)

_product("seat_height", "length_range",
    "Seat height | Saddle height | Seat height range | Sitting height | Seat adjustment | Height (seat)",
    """
    has a seat height of {V}
    has an adjustable seat height of {V}
    offers a seat height of {V}
    adjusts to a seat height of {V}
    has a saddle height of {V}
    """,
    """
    {S} has a seat height of {V}.
    The seat of {S} adjusts to {V}.
    {S} offers a seat height of {V}, so it suits most people.
    Seat height of {S}: {V}.
    You can set the seat of {S} to {V}.
    The saddle height on {S} ranges over {V}.
    """,
    """
    What is the seat height of {s}?
    How high is the seat on {s}?
    seat height of {s}?
    is {s} suitable for short people
    {s} seat height
    How low does the saddle on {s} go?
    what saddle height does {s} have
    Can I adjust the seat height of {s}?
    how tall do you need to be for {s}
    seat height {s} range
    """)

_product("max_user_weight", "load",
    "Max. user weight | Maximum user weight | Max. rider weight | User weight | Weight limit | Max. load (user)",
    """
    supports users of {V}
    takes users of {V}
    has a maximum user weight of {V}
    carries users weighing {V}
    is rated for users of {V}
    """,
    """
    {S} supports a maximum user weight of {V}.
    The weight limit of {S} is {V}.
    {S} is suitable for users weighing {V}.
    Max. user weight for {S}: {V}.
    {S} has been tested for users of {V}.
    Please don't use {S} if you weigh more than {V}.
    """,
    """
    What is the maximum user weight of {s}?
    What's the weight limit on {s}?
    max user weight {s}?
    how heavy can you be to use {s}
    {s} weight limit
    What is the max weight of a user on {s}?
    can a heavy person use {s}
    How much weight can {s} take?
    user weight limit of {s}
    up to what weight is {s} rated
    """)

_product("folded_dimensions", "dimensions",
    "Folded dimensions | Folded size | Size when folded | Dimensions (folded) | Folded | Storage size",
    """
    folds down to {V}
    measures {V} when folded
    folds to {V}
    has a folded size of {V}
    takes up {V} when folded
    """,
    """
    {S} folds down to {V}.
    When folded, {S} measures {V}.
    Folded size of {S}: {V}.
    {S} folds to {V} for easy storage.
    Folded up, {S} takes up just {V}.
    {S} has a folded size of {V}.
    """,
    """
    How small does {s} fold?
    What are the folded dimensions of {s}?
    folded size of {s}?
    how big is {s} when folded
    {s} folded dimensions
    Does {s} fit in a car boot when folded?
    how compact is {s} folded
    What size is {s} folded up?
    folded {s} measurements
    how much space does {s} need folded
    """)

_product("boot_capacity", "volume_large",
    "Boot capacity | Boot space | Trunk space | Luggage capacity | Cargo volume | Storage",
    """
    has a boot capacity of {V}
    offers {V} of boot space
    has {V} of luggage space
    has a boot that holds {V}
    offers a cargo volume of {V}
    """,
    """
    {S} has a boot capacity of {V}.
    The boot of {S} holds {V}.
    With {V} of luggage space, {S} is ready for family holidays.
    Boot space of {S}: {V} (seats up).
    {S} offers {V} of boot space.
    Behind the rear seats, {S} has room for {V}.
    """,
    """
    How big is the boot of {s}?
    What is the boot capacity of {s}?
    trunk space of {s}?
    how much luggage fits in {s}
    {s} boot space
    How many litres is the boot of {s}?
    how much cargo space does {s} have
    What is the trunk capacity of {s}?
    boot size {s}
    is the boot of {s} big enough for a pram
    """)

_product("seats", "count",
    "Seats | Seating | Number of seats | Passengers | Seating capacity | Occupants",
    """
    seats {V}
    has {V} seats
    offers room for {V} people
    has space for {V} people
    can seat {V} people
    """,
    """
    {S} seats {V}.
    {S} has {V} seats.
    {S} has room for {V} people.
    Seating capacity of {S}: {V}.
    {S} comfortably seats {V} people.
    With {V} seats, {S} has room for the whole family.
    """,
    """
    How many seats does {s} have?
    How many people is {s} for?
    seats in {s}?
    how many people can {s} take
    {s} seats
    How many people can {s} seat?
    seating capacity of {s}
    how many people does {s} seat
    number of seats {s}
    """)

_product("acceleration", "acceleration",
    "0-100 km/h | Acceleration | 0-60 mph | Acceleration (0-100 km/h) | Sprint time | 0 to 100",
    """
    accelerates from 0 to 100 km/h in {V}
    goes from 0 to 100 km/h in {V}
    sprints to 100 km/h in {V}
    reaches 100 km/h in {V}
    gets from a standstill to 100 km/h in {V}
    """,
    """
    {S} accelerates from 0 to 100 km/h in {V}.
    From a standstill, {S} reaches 100 km/h in {V}.
    {S} sprints from 0 to 100 km/h in {V}.
    Acceleration of {S} (0-100 km/h): {V}.
    {S} takes {V} to get from 0 to 100 km/h.
    With instant torque, {S} goes from 0 to 100 km/h in {V}.
    """,
    """
    How fast does {s} accelerate?
    What is the 0-100 time of {s}?
    acceleration of {s}?
    how quick is {s} off the line
    {s} 0-100
    How long does {s} take to reach 100 km/h?
    how fast is {s} from 0 to 100
    What's the acceleration of {s}?
    0-60 time for {s}
    is {s} quick to accelerate
    """)

_product("towing_capacity", "heavy_weight",
    "Towing capacity | Max. towing weight | Towing | Trailer load | Braked towing capacity | Tow rating",
    """
    can tow {V}
    has a towing capacity of {V}
    is rated to tow {V}
    pulls trailers of {V}
    has a maximum trailer load of {V}
    """,
    """
    {S} can tow {V}.
    The towing capacity of {S} is {V}.
    {S} is rated to tow {V} (braked).
    Towing capacity of {S}: {V}.
    With a braked trailer, {S} pulls {V}.
    {S} has a maximum trailer load of {V}.
    """,
    """
    How much can {s} tow?
    What is the towing capacity of {s}?
    towing capacity of {s}?
    can {s} tow a caravan
    {s} towing
    What's the max trailer weight for {s}?
    how heavy a trailer can {s} pull
    What is the tow rating of {s}?
    towing weight {s}
    can i tow with {s}
    """)

# --- home appliances ----------------------------------------------------------------------------

_product("spin_speed", "spin_speed",
    "Spin speed | Max. spin speed | Spin | Spin cycle | Maximum spin | Spin speed (rpm)",
    """
    spins at {V}
    has a spin speed of {V}
    reaches {V} in the spin cycle
    has a maximum spin speed of {V}
    spins laundry at {V}
    """,
    """
    {S} spins at {V}.
    The maximum spin speed of {S} is {V}.
    {S} reaches {V} in the final spin, so laundry comes out nearly dry.
    Spin speed of {S}: {V}.
    {S} has a spin speed of {V}.
    At {V}, {S} removes most of the water from your clothes.
    """,
    """
    What is the spin speed of {s}?
    How fast does {s} spin?
    spin speed of {s}?
    how many rpm is {s}
    {s} spin speed
    What's the max spin of {s}?
    how fast is the spin cycle on {s}
    What rpm does {s} spin at?
    max spin {s}
    does {s} spin fast
    """)

_product("energy_rating", "energy_rating",
    "Energy class | Energy rating | Energy label | Energy efficiency class | EU energy label | Efficiency class",
    """
    is rated {V}
    has an energy rating of {V}
    achieves {V} on the EU energy label
    has an energy label of {V}
    carries an energy class of {V}
    """,
    """
    {S} is rated {V} on the EU energy label.
    The energy efficiency class of {S} is {V}.
    {S} achieves an energy rating of {V}.
    Energy class of {S}: {V}.
    With an energy label of {V}, {S} keeps running costs low.
    For energy efficiency, {S} is rated {V}.
    """,
    """
    What energy class is {s}?
    What is the energy rating of {s}?
    energy label of {s}?
    is {s} energy efficient
    {s} energy class
    What's the energy efficiency class of {s}?
    how efficient is {s}
    Which energy label does {s} have?
    energy rating {s}
    """)

_product("energy_consumption", "energy",
    "Energy consumption | Power consumption | Energy use | Consumption | Annual energy consumption | Standby",
    """
    uses {V}
    consumes {V}
    has an energy consumption of {V}
    needs {V}
    draws {V}
    """,
    """
    {S} uses {V}.
    The energy consumption of {S} is {V}.
    {S} consumes just {V}.
    Energy consumption of {S}: {V}.
    According to the energy label, {S} needs {V}.
    {S} has a rated energy use of {V}.
    """,
    """
    How much energy does {s} use?
    What is the energy consumption of {s}?
    power consumption of {s}?
    how much electricity does {s} use
    {s} energy consumption
    How many kWh does {s} use?
    is {s} expensive to run
    What's the power draw of {s}?
    energy use {s}
    how much power does {s} consume
    """)

_product("drum_capacity", "laundry_load",
    "Drum capacity | Capacity | Load capacity | Max. load | Drum size | Wash load",
    """
    takes {V}
    holds {V}
    has a drum capacity of {V}
    washes up to {V} per load
    has room for {V} of laundry
    """,
    """
    {S} takes {V} of laundry.
    The drum of {S} holds {V}.
    With a drum capacity of {V}, {S} suits families.
    Drum capacity of {S}: {V}.
    {S} washes up to {V} in one load.
    {S} has a drum capacity of {V}.
    """,
    """
    What is the drum capacity of {s}?
    How many kg does {s} take?
    capacity of {s}?
    how much laundry fits in {s}
    {s} drum size
    How big is the drum of {s}?
    how many kilos can {s} wash
    What load does {s} take?
    drum capacity {s}
    is {s} big enough for a family
    """)

_product("suction_power", "suction",
    "Suction power | Suction | Max. suction | Suction strength | Suction (Pa) | Airwatts",
    """
    has a suction power of {V}
    delivers {V} of suction
    offers {V} of suction
    pulls {V} of suction
    has a maximum suction of {V}
    """,
    """
    {S} has a suction power of {V}.
    With {V} of suction, {S} lifts dirt from deep in the carpet.
    {S} delivers {V} of suction in Max mode.
    Suction power of {S}: {V}.
    The motor in {S} generates {V} of suction.
    {S} offers a maximum suction of {V}.
    """,
    """
    How strong is the suction of {s}?
    What is the suction power of {s}?
    suction of {s}?
    how powerful is {s}
    {s} suction power
    How much suction does {s} have?
    is the suction on {s} good
    What's the max suction of {s}?
    suction strength {s}
    how many Pa is {s}
    """)

_product("dust_capacity", "volume",
    "Dust capacity | Bin capacity | Dust bin | Dust container | Bin volume | Bag capacity",
    """
    has a dust bin of {V}
    holds {V} of dust
    has a dust capacity of {V}
    has a bin that holds {V}
    collects {V} of dirt before emptying
    """,
    """
    {S} has a dust bin of {V}.
    The dust container of {S} holds {V}.
    Dust capacity of {S}: {V}.
    {S} collects {V} of dirt before you need to empty it.
    With a bin of {V}, {S} cleans the whole flat in one go.
    {S} holds {V} of dust.
    """,
    """
    How big is the dust bin on {s}?
    What is the dust capacity of {s}?
    bin capacity of {s}?
    how much dirt does {s} hold
    {s} dust bin size
    How often do I need to empty {s}?
    how large is the {s} dust container
    What volume is the bin of {s}?
    dust bin {s}
    how much can {s} hold before emptying
    """)

_product("runtime", "runtime",
    "Runtime | Run time | Battery runtime | Cleaning time | Operating time | Usage per charge",
    """
    runs for {V}
    lasts {V} per charge
    cleans for {V} on one charge
    has a runtime of {V}
    keeps going for {V}
    """,
    """
    {S} runs for {V} on a full charge.
    On one charge, {S} cleans for {V}.
    Runtime of {S}: {V} (in Eco mode).
    {S} has a runtime of {V}.
    The battery of {S} keeps going for {V}.
    You get {V} of use from {S} before it needs charging.
    """,
    """
    How long does {s} run?
    What is the runtime of {s}?
    runtime of {s}?
    how long does {s} last per charge
    {s} run time
    How many minutes does {s} run for?
    how long can i use {s} on a full battery
    What's the battery runtime of {s}?
    how long does {s} clean for
    does {s} run long enough for a big flat
    """)

_product("water_tank", "volume",
    "Water tank | Tank capacity | Water reservoir | Tank | Reservoir capacity | Water tank (removable)",
    """
    has a water tank of {V}
    has a water tank that holds {V}
    holds {V} of water
    has a reservoir of {V}
    takes {V} of water
    """,
    """
    {S} has a water tank of {V}.
    The removable water tank of {S} holds {V}.
    {S} takes {V} of water.
    Water tank of {S}: {V}.
    With a reservoir of {V}, {S} needs refilling less often.
    The tank in {S} holds {V}.
    """,
    """
    How big is the water tank of {s}?
    What is the tank capacity of {s}?
    water tank of {s}?
    how much water does {s} hold
    {s} water tank
    How often do I need to refill {s}?
    how large is the {s} reservoir
    What's the water tank size on {s}?
    tank capacity {s}
    how many litres of water does {s} take
    """)

_product("coverage_area", "area",
    "Room size | Coverage | Area | Recommended room size | Coverage area | Suitable for rooms up to",
    """
    covers {V}
    covers rooms of {V}
    is designed for rooms of {V}
    works in spaces of {V}
    is suitable for rooms of {V}
    """,
    """
    {S} covers {V}.
    {S} is designed for rooms of {V}.
    For rooms of {V}, {S} is the right choice.
    Recommended room size for {S}: {V}.
    {S} works well in spaces of {V}.
    {S} has a coverage area of {V}.
    """,
    """
    How big a room can {s} handle?
    What room size is {s} for?
    coverage of {s}?
    how many square metres does {s} cover
    {s} room size
    Is {s} big enough for my living room?
    what area does {s} cover
    What is the recommended room size for {s}?
    how large a space can {s} do
    coverage area {s}
    """)

_product("airflow", "airflow",
    "Airflow | Air flow | CADR | Clean air delivery rate | Air volume | Airflow rate",
    """
    moves {V}
    has an airflow of {V}
    delivers {V} of clean air
    pushes {V} of air
    has a clean air delivery rate of {V}
    """,
    """
    {S} moves {V}.
    {S} has a clean air delivery rate of {V}.
    With an airflow of {V}, {S} refreshes the air in a room quickly.
    Airflow of {S}: {V}.
    {S} delivers {V} of clean air.
    At top speed, {S} pushes {V} of air.
    """,
    """
    What is the airflow of {s}?
    What is the CADR of {s}?
    airflow of {s}?
    how much air does {s} move
    {s} cadr
    How powerful is the airflow of {s}?
    how fast does {s} clean the air
    What's the air delivery rate of {s}?
    air flow {s}
    how much air can {s} push
    """)

_product("water_consumption", "volume",
    "Water consumption | Water use | Water per cycle | Water usage | Water consumption (Eco) | Water",
    """
    uses {V} of water per cycle
    needs {V} of water per cycle
    consumes {V} of water
    gets by on {V} of water
    uses just {V} of water
    """,
    """
    {S} uses {V} of water per cycle.
    In Eco mode, {S} needs {V} of water.
    Water consumption of {S}: {V}.
    {S} gets by on just {V} of water per cycle.
    {S} consumes {V} of water in the standard programme.
    With {V} of water per cycle, {S} saves water.
    """,
    """
    How much water does {s} use?
    What is the water consumption of {s}?
    water usage of {s}?
    how many litres of water does {s} use
    {s} water consumption
    How much water does {s} need per cycle?
    is {s} water efficient
    What's the water use of {s}?
    water per cycle {s}
    does {s} use a lot of water
    """)

_product("max_timer", "timer",
    "Timer | Max. timer | Delay timer | Timer setting | Delay start | Auto-off timer",
    """
    has a timer of {V}
    can be set for {V}
    has a delay timer of {V}
    offers a timer of {V}
    has a timer that runs for {V}
    """,
    """
    {S} has a timer of {V}.
    You can set the timer of {S} for {V}.
    {S} offers a delay start of {V}.
    Timer on {S}: {V}.
    The timer on {S} runs for {V}.
    With a timer of {V}, {S} is ready when you are.
    """,
    """
    How long is the timer on {s}?
    What is the maximum timer setting on {s}?
    timer of {s}?
    how long can i set the {s} timer for
    {s} timer
    Does {s} have a delay start?
    how far ahead can i set {s}
    What's the longest timer on {s}?
    max timer {s}
    does {s} have a timer
    """)

# --- kitchen -------------------------------------------------------------------------------------

_product("pump_pressure", "pressure",
    "Pump pressure | Pressure | Max. pressure | Bar | Working pressure | Pressure (bar)",
    """
    has a pump pressure of {V}
    works at {V}
    delivers {V} of pressure
    builds {V} of pressure
    has a working pressure of {V}
    """,
    """
    {S} has a pump pressure of {V}.
    {S} works at {V}.
    With {V} of pressure, {S} gets the job done fast.
    Pump pressure of {S}: {V}.
    The pump in {S} builds {V}.
    {S} delivers a working pressure of {V}.
    """,
    """
    What is the pump pressure of {s}?
    How many bar does {s} have?
    pressure of {s}?
    how much pressure does {s} have
    {s} bar
    What's the max pressure of {s}?
    how strong is {s}, pressure?
    What pressure does {s} work at?
    pump pressure {s}
    is the pressure on {s} high enough
    """)

_product("bean_hopper", "bean_capacity",
    "Bean hopper | Bean container | Hopper capacity | Bean capacity | Coffee bean hopper | Hopper",
    """
    has a bean hopper of {V}
    holds {V} of beans
    has a bean container for {V}
    takes {V} of coffee beans
    has room for {V} of beans
    """,
    """
    {S} has a bean hopper of {V}.
    The bean container of {S} holds {V}.
    {S} takes {V} of coffee beans.
    Bean hopper of {S}: {V}.
    With room for {V} of beans, {S} needs refilling only now and then.
    The hopper on {S} holds {V}.
    """,
    """
    How big is the bean hopper of {s}?
    How many beans does {s} hold?
    bean hopper of {s}?
    how much coffee fits in {s}
    {s} bean container
    What is the hopper capacity of {s}?
    how many grams of beans does {s} take
    How much does the bean container of {s} hold?
    hopper size {s}
    how often do i refill the beans in {s}
    """)

_product("slots", "count",
    "Slots | Number of slots | Slices | Toasting slots | Capacity (slices) | Slot count",
    """
    has {V} slots
    toasts {V} slices at once
    comes with {V} slots
    takes {V} slices
    has room for {V} slices
    """,
    """
    {S} has {V} slots.
    {S} toasts {V} slices at once.
    With {V} slots, {S} handles breakfast for the whole family.
    Slots on {S}: {V}.
    {S} takes {V} slices of bread.
    {S} comes with {V} extra-wide slots.
    """,
    """
    How many slots does {s} have?
    How many slices does {s} toast?
    slots on {s}?
    how many slices can {s} do at once
    {s} slots
    how many pieces of toast does {s} make
    How many slices fit in {s}?
    number of slots {s}
    can {s} toast lots at once
    """)

# --- audio ---------------------------------------------------------------------------------------

_product("frequency_response", "freq_range",
    "Frequency response | Frequency range | Response | Frequency | Audio range | Freq. response",
    """
    has a frequency response of {V}
    covers {V}
    reproduces {V}
    has a frequency range of {V}
    handles {V}
    """,
    """
    {S} has a frequency response of {V}.
    {S} covers {V} for rich bass and clear highs.
    Frequency response of {S}: {V}.
    {S} reproduces {V}.
    The drivers in {S} handle {V}.
    {S} offers a frequency range of {V}.
    """,
    """
    What is the frequency response of {s}?
    What frequency range does {s} cover?
    frequency response of {s}?
    how low does {s} go
    {s} frequency range
    What's the frequency range of {s}?
    how much bass does {s} have, frequency response?
    Which frequencies does {s} reproduce?
    freq response {s}
    what hz range does {s} cover
    """)

_product("driver_size", "small_length",
    "Driver size | Drivers | Driver | Speaker drivers | Driver diameter | Driver unit",
    """
    has drivers of {V}
    uses drivers measuring {V}
    is fitted with drivers of {V}
    comes with drivers of {V}
    plays through drivers measuring {V}
    """,
    """
    {S} has drivers of {V}.
    Inside {S} are custom drivers measuring {V}.
    {S} uses drivers of {V} for full, detailed sound.
    Driver size of {S}: {V}.
    {S} is fitted with dynamic drivers of {V}.
    With drivers measuring {V}, {S} delivers punchy bass.
    """,
    """
    How big are the drivers in {s}?
    What driver size does {s} have?
    driver size of {s}?
    how large are the {s} drivers
    {s} drivers
    What drivers does {s} use?
    how big is the speaker in {s}
    What size are the drivers on {s}?
    driver {s} mm
    which drivers are in {s}
    """)

_product("wireless_range", "short_distance",
    "Wireless range | Bluetooth range | Range | Connection range | Transmission range | Signal range",
    """
    has a wireless range of {V}
    stays connected at {V}
    works at distances of {V}
    has a Bluetooth range of {V}
    keeps the connection over {V}
    """,
    """
    {S} has a wireless range of {V}.
    {S} stays connected at {V} from your device.
    Bluetooth range of {S}: {V}.
    You can move {V} away from your phone and {S} keeps playing.
    {S} works at distances of {V}.
    The signal of {S} reaches {V} in open space.
    """,
    """
    What is the Bluetooth range of {s}?
    How far can I be from my phone with {s}?
    range of {s}?
    how far does the {s} bluetooth reach
    {s} wireless range
    What's the connection range of {s}?
    how far away does {s} work
    Does {s} have a good range?
    bluetooth range {s}
    how far can {s} be from the transmitter
    """)

_product("microphones", "count",
    "Microphones | Mics | Number of microphones | Microphone array | Mic | Call microphones",
    """
    has {V} microphones
    uses {V} mics for calls
    comes with {V} microphones
    is fitted with {V} microphones
    picks up your voice with {V} mics
    """,
    """
    {S} has {V} microphones.
    For clear calls, {S} uses {V} mics.
    {S} picks up your voice with {V} beamforming microphones.
    Microphones on {S}: {V}.
    {S} is fitted with {V} microphones for noise cancelling and calls.
    Thanks to {V} mics, {S} works well for calls.
    """,
    """
    How many microphones does {s} have?
    How many mics are in {s}?
    microphones on {s}?
    is {s} good for calls
    {s} mics
    Does {s} have a microphone?
    how many mics does {s} use for calls
    How many microphones are built into {s}?
    number of mics {s}
    what about the mic on {s}
    """)

_product("bluetooth_version", "wireless_standard",
    "Bluetooth | Bluetooth version | Wireless standard | Wireless | Bluetooth standard | Wi-Fi standard",
    """
    uses {V}
    supports {V}
    connects via {V}
    runs on {V}
    comes with {V}
    """,
    """
    {S} uses {V}.
    {S} supports {V} for a stable connection.
    {S} connects via {V}.
    Wireless standard of {S}: {V}.
    Thanks to {V}, {S} pairs quickly and uses little power.
    {S} comes with {V}.
    """,
    """
    What Bluetooth version does {s} have?
    Which wireless standard does {s} use?
    bluetooth version of {s}?
    {s} bluetooth
    What Bluetooth does {s} support?
    which version of bluetooth is in {s}
    What wifi standard does {s} support?
    bluetooth {s} version
    is {s} the latest bluetooth
    """)

_product("firmware_version", "version",
    "Firmware | Firmware version | Software version | Current firmware | Latest firmware | Version",
    """
    runs firmware {V}
    is on firmware {V}
    ships with firmware {V}
    has firmware {V} installed
    runs software version {V}
    """,
    """
    {S} runs firmware {V}.
    The latest firmware for {S} is {V}.
    {S} ships with firmware {V}.
    Current software version of {S}: {V}.
    Please update {S} to firmware {V}.
    Firmware {V} for {S} fixes connection problems.
    """,
    """
    What firmware is {s} on?
    What is the latest firmware for {s}?
    firmware version of {s}?
    which software version does {s} run
    {s} firmware
    Is there a firmware update for {s}?
    what's the newest version for {s}
    Which firmware version should {s} have?
    latest {s} firmware
    how do i know if {s} is up to date
    """)

# --- lights, outdoor ------------------------------------------------------------------------------

_product("brightness", "brightness",
    "Brightness | Light output | Max. brightness | Luminous flux | Peak brightness | Lumens",
    """
    has a brightness of {V}
    puts out {V}
    shines with {V}
    reaches {V}
    has a light output of {V}
    """,
    """
    {S} has a brightness of {V}.
    At full power, {S} puts out {V}.
    At its brightest, {S} reaches {V}.
    Brightness of {S}: {V}.
    With {V}, {S} stays easy to see in bright conditions.
    {S} has a maximum light output of {V}.
    """,
    """
    How bright is {s}?
    What is the brightness of {s}?
    brightness of {s}?
    how many lumens is {s}
    {s} brightness
    How bright does {s} get?
    is {s} bright enough
    What's the light output of {s}?
    max brightness {s}
    how many nits does {s} have
    """)

_product("sleeping_capacity", "count",
    "Sleeps | Capacity | Berths | Persons | Sleeping places | Occupancy",
    """
    sleeps {V}
    fits {V} people
    has room for {V} people
    sleeps up to {V} people
    accommodates {V} people
    """,
    """
    {S} sleeps {V}.
    {S} has room for {V} people and their gear.
    With space for {V} people, {S} is great for family trips.
    Sleeps: {S} takes {V} people.
    {S} comfortably fits {V} people.
    Inside {S} there is space for {V} sleeping mats.
    """,
    """
    How many people does {s} sleep?
    How many people fit in {s}?
    how many does {s} sleep
    is {s} big enough for a family
    {s} capacity
    How many persons is {s} for?
    What's the sleeping capacity of {s}?
    how many can sleep in {s}
    {s} how many people
    """)

_product("packed_size", "dimensions",
    "Packed size | Pack size | Packed dimensions | Size packed | Stuff sack size | Packed",
    """
    packs down to {V}
    has a packed size of {V}
    packs into {V}
    measures {V} when packed
    rolls up to {V}
    """,
    """
    {S} packs down to {V}.
    Packed, {S} measures {V}.
    Packed size of {S}: {V}.
    {S} packs into a stuff sack of {V}.
    When packed, {S} takes up only {V}.
    {S} rolls up to {V} for easy carrying.
    """,
    """
    How small does {s} pack?
    What is the packed size of {s}?
    packed size of {s}?
    how big is {s} when packed
    {s} pack size
    Will {s} fit in my backpack?
    how compact is {s} packed
    What are the packed dimensions of {s}?
    packed {s} size
    how much space does {s} take in a bag
    """)

_product("waterproof_rating", "hydrostatic",
    "Hydrostatic head | Waterproof rating | Water column | Waterproofing | HH rating | Fabric waterproofness",
    """
    has a hydrostatic head of {V}
    is waterproof to {V}
    is rated to {V}
    has a waterproof rating of {V}
    withstands a water column of {V}
    """,
    """
    {S} has a hydrostatic head of {V}.
    {S} is waterproof to {V}, so it stays dry in heavy rain.
    Waterproof rating of {S}: {V}.
    The fabric of {S} withstands a water column of {V}.
    {S} is rated to {V}.
    With a hydrostatic head of {V}, {S} is ready for wet weather.
    """,
    """
    How waterproof is {s}?
    What is the hydrostatic head of {s}?
    waterproof rating of {s}?
    is {s} waterproof
    {s} water column
    Will {s} keep me dry in heavy rain?
    how much rain can {s} take
    What's the waterproof rating of {s}?
    hydrostatic head {s}
    is {s} good in the rain
    """)

_product("comfort_temperature", "low_temperature",
    "Comfort temperature | Comfort rating | Temperature rating | Comfort | Comfort limit | Temp. rating",
    """
    is comfortable down to {V}
    has a comfort rating of {V}
    keeps you warm down to {V}
    is rated to {V}
    has a comfort temperature of {V}
    """,
    """
    {S} is comfortable down to {V}.
    {S} has a comfort rating of {V}.
    Comfort temperature of {S}: {V}.
    {S} keeps you warm on nights down to {V}.
    {S} is rated to {V} (comfort).
    Thanks to its insulation, {S} works well down to {V}.
    """,
    """
    How warm is {s}?
    What is the comfort temperature of {s}?
    comfort rating of {s}?
    how cold can it get with {s}
    {s} temperature rating
    Is {s} warm enough for winter camping?
    down to what temperature is {s} comfortable
    What's the temperature rating of {s}?
    comfort temp {s}
    how low can the temperature go with {s}
    """)

_product("fill_material", "fill",
    "Fill | Filling | Insulation | Fill material | Padding | Wadding",
    """
    is filled with {V}
    is insulated with {V}
    uses {V} as filling
    has a filling of {V}
    is padded with {V}
    """,
    """
    {S} is filled with {V}.
    {S} is insulated with {V}.
    Fill of {S}: {V}.
    For warmth, {S} uses {V}.
    {S} has a filling of {V}.
    Inside {S} you'll find {V}.
    """,
    """
    What is {s} filled with?
    What insulation does {s} use?
    filling of {s}?
    {s} fill
    What's inside {s}?
    what is the padding of {s}
    Which fill material does {s} have?
    insulation {s}
    """)

_product("volume_capacity", "volume_large",
    "Volume | Capacity | Pack volume | Litres | Carrying capacity | Size (litres)",
    """
    has a volume of {V}
    holds {V}
    has a capacity of {V}
    offers {V} of storage
    has room for {V}
    """,
    """
    {S} has a volume of {V}.
    {S} holds {V}, enough for a weekend away.
    Capacity of {S}: {V}.
    With {V} of space, {S} takes everything you need.
    {S} offers {V} of storage.
    The main compartment of {S} holds {V}.
    """,
    """
    How many litres does {s} hold?
    What is the volume of {s}?
    how many liters is {s}
    capacity of {s}?
    {s} volume
    How much fits in {s}?
    how much can {s} hold
    What's the capacity of {s} in litres?
    size of {s}
    is {s} big enough for a week
    """)

# --- fitness -------------------------------------------------------------------------------------

_product("max_incline", "percent",
    "Incline | Max. incline | Maximum incline | Incline range | Gradient | Incline (max.)",
    """
    has a maximum incline of {V}
    inclines to {V}
    offers an incline of {V}
    tilts to {V}
    goes to an incline of {V}
    """,
    """
    {S} has a maximum incline of {V}.
    {S} inclines to {V} at the press of a button.
    Max. incline of {S}: {V}.
    {S} offers an incline of {V} for tougher workouts.
    The deck of {S} tilts to {V}.
    With an incline of {V}, {S} lets you train for hills.
    """,
    """
    What is the maximum incline of {s}?
    How steep does {s} go?
    incline of {s}?
    does {s} have an incline
    {s} max incline
    What incline does {s} offer?
    how much can {s} tilt
    What's the incline range of {s}?
    incline {s}
    how steep can {s} get
    """)

_product("resistance_levels", "count",
    "Resistance levels | Resistance | Levels | Resistance settings | Difficulty levels | Magnetic resistance",
    """
    has {V} resistance levels
    offers {V} levels of resistance
    comes with {V} resistance settings
    gives you {V} resistance levels
    has {V} levels
    """,
    """
    {S} has {V} resistance levels.
    {S} offers {V} levels of magnetic resistance.
    Resistance levels on {S}: {V}.
    With {V} resistance settings, {S} grows with your fitness.
    You can choose from {V} levels on {S}.
    {S} comes with {V} resistance levels.
    """,
    """
    How many resistance levels does {s} have?
    How many levels are there on {s}?
    resistance levels of {s}?
    how many settings does {s} have
    {s} resistance
    Is the resistance on {s} adjustable?
    how many levels of resistance on {s}
    What resistance settings does {s} offer?
    levels {s}
    how hard can {s} go, how many levels
    """)

# --- baby ---------------------------------------------------------------------------------------

_product("age_range", "age",
    "Age | Age range | Recommended age | Suitable for | Ages | Age group",
    """
    is suitable for {V}
    is designed for {V}
    is recommended for {V}
    is made for {V}
    is intended for {V}
    """,
    """
    {S} is suitable for {V}.
    We recommend {S} for {V}.
    Age recommendation for {S}: {V}.
    {S} is designed for {V}.
    {S} is made for {V}.
    Recommended age: {S} is intended for {V}.
    """,
    """
    What age is {s} for?
    What is the recommended age for {s}?
    age range of {s}?
    {s} age
    From what age can kids use {s}?
    how old do you have to be for {s}
    Which age group is {s} for?
    recommended age {s}
    is my child old enough for {s}
    """)

_product("max_child_weight", "child_weight",
    "Max. child weight | Weight limit | Child weight | Max. weight | Weight range | Maximum load (child)",
    """
    holds children of {V}
    takes children weighing {V}
    has a weight limit of {V}
    is approved for children of {V}
    carries a child of {V}
    """,
    """
    {S} holds children of {V}.
    The weight limit of {S} is {V}.
    {S} is approved for children weighing {V}.
    Max. child weight for {S}: {V}.
    {S} can be used for children weighing {V}.
    {S} takes children of {V}.
    """,
    """
    What is the weight limit of {s}?
    How heavy can my child be for {s}?
    max child weight {s}?
    until what weight can my baby use {s}
    {s} weight limit
    What's the maximum weight for {s}?
    how much weight does {s} take
    Up to what weight is {s} approved?
    child weight {s}
    is {s} ok for a heavy toddler
    """)

_product("recline_positions", "count",
    "Recline positions | Recline | Seat positions | Reclining positions | Backrest positions | Positions",
    """
    has {V} recline positions
    reclines in {V} positions
    offers {V} seat positions
    comes with {V} recline positions
    adjusts to {V} positions
    """,
    """
    {S} has {V} recline positions.
    The seat of {S} reclines in {V} positions.
    Recline positions on {S}: {V}.
    {S} offers {V} positions, including a nearly flat one.
    You can adjust {S} to {V} positions.
    {S} comes with {V} backrest positions.
    """,
    """
    How many recline positions does {s} have?
    Does {s} recline?
    recline positions of {s}?
    can {s} lie flat
    {s} recline
    How many seat positions does {s} offer?
    how far does {s} recline
    How many positions does the backrest of {s} have?
    positions {s}
    can my baby sleep in {s}
    """)

# --- tools and garden -------------------------------------------------------------------------------

_product("no_load_speed", "rpm",
    "No-load speed | Speed | Max. speed | Idle speed | Rotation speed | Speed (rpm)",
    """
    runs at {V}
    has a no-load speed of {V}
    spins at {V}
    reaches {V}
    turns at {V}
    """,
    """
    {S} has a no-load speed of {V}.
    {S} runs at {V}.
    No-load speed of {S}: {V}.
    At full trigger, {S} spins at {V}.
    {S} reaches {V} for fast work.
    The motor of {S} turns at {V}.
    """,
    """
    What is the no-load speed of {s}?
    How fast does {s} spin?
    speed of {s}?
    how many rpm is {s}
    {s} rpm
    What's the max speed of {s}?
    how fast is {s}
    What rpm does {s} run at?
    no load speed {s}
    is {s} fast
    """)

_product("chuck_size", "small_length",
    "Chuck | Chuck size | Chuck capacity | Bit holder | Max. bit size | Keyless chuck",
    """
    has a chuck size of {V}
    takes bits of {V}
    has a chuck capacity of {V}
    holds bits of {V}
    has a keyless chuck of {V}
    """,
    """
    {S} has a chuck size of {V}.
    The keyless chuck of {S} takes bits of {V}.
    Chuck capacity of {S}: {V}.
    {S} holds bits of {V}.
    {S} comes with a chuck of {V}.
    With a chuck of {V}, {S} takes most drill bits.
    """,
    """
    What size is the chuck on {s}?
    What chuck does {s} have?
    chuck size of {s}?
    how big a bit does {s} take
    {s} chuck
    What's the chuck capacity of {s}?
    which bits fit {s}
    How large is the chuck of {s}?
    chuck {s} mm
    what drill bits can i use in {s}
    """)

_product("cutting_width", "length_cm",
    "Cutting width | Cut width | Cutting diameter | Working width | Deck size | Cutting path",
    """
    has a cutting width of {V}
    cuts a strip of {V}
    mows a path of {V}
    has a working width of {V}
    covers a width of {V}
    """,
    """
    {S} has a cutting width of {V}.
    With a cutting width of {V}, {S} mows a lawn quickly.
    Cutting width of {S}: {V}.
    {S} cuts a strip of {V} with every pass.
    {S} has a working width of {V}.
    The blade of {S} covers a width of {V}.
    """,
    """
    What is the cutting width of {s}?
    How wide does {s} cut?
    cutting width of {s}?
    how big is the deck on {s}
    {s} cut width
    What's the working width of {s}?
    how wide is {s}
    How wide a strip does {s} cut?
    cutting diameter {s}
    is {s} good for a big lawn
    """)

_product("cutting_height", "small_range",
    "Cutting height | Cutting height range | Height of cut | Cut height | Height adjustment | Mowing height",
    """
    has a cutting height of {V}
    offers a cutting height of {V}
    adjusts to cutting heights of {V}
    cuts at heights of {V}
    has a height of cut of {V}
    """,
    """
    {S} has a cutting height of {V}.
    You can set {S} to cutting heights of {V}.
    Cutting height of {S}: {V}.
    {S} offers a height of cut of {V}.
    {S} cuts at heights of {V} in several steps.
    The cutting height on {S} adjusts to {V}.
    """,
    """
    What is the cutting height of {s}?
    How high does {s} cut?
    cutting height of {s}?
    can i adjust the height on {s}
    {s} cutting height
    What cutting heights does {s} offer?
    how short does {s} cut the grass
    What's the height range of {s}?
    height of cut {s}
    how low can {s} mow
    """)

_product("grass_box_capacity", "volume_large",
    "Grass box | Grass box capacity | Collection bag | Catcher capacity | Grass bag | Collector",
    """
    has a grass box of {V}
    collects {V} of clippings
    has a collection bag of {V}
    has a grass box that holds {V}
    has a catcher of {V}
    """,
    """
    {S} has a grass box of {V}.
    The collection bag of {S} holds {V}.
    Grass box capacity of {S}: {V}.
    {S} collects {V} of clippings before you need to empty it.
    {S} comes with a grass catcher of {V}.
    With a grass box of {V}, {S} needs fewer stops.
    """,
    """
    How big is the grass box of {s}?
    What is the collection capacity of {s}?
    grass box of {s}?
    how much grass does {s} hold
    {s} grass bag size
    How often do I need to empty {s}?
    how many litres is the {s} grass box
    What's the catcher size on {s}?
    grass box {s}
    how large is the bag on {s}
    """)

_product("blade_length", "length_cm",
    "Blade length | Blade | Bar length | Cutting length | Guide bar | Blade size",
    """
    has a blade length of {V}
    has a blade of {V}
    comes with a bar of {V}
    has a cutting length of {V}
    uses a blade of {V}
    """,
    """
    {S} has a blade length of {V}.
    The blade of {S} measures {V}.
    Blade length of {S}: {V}.
    {S} comes with a guide bar of {V}.
    With a blade of {V}, {S} makes long, clean cuts.
    {S} has a cutting length of {V}.
    """,
    """
    How long is the blade on {s}?
    What is the blade length of {s}?
    blade length of {s}?
    how long is the bar on {s}
    {s} blade
    What size blade does {s} have?
    how big is the cutter of {s}
    What's the cutting length of {s}?
    bar length {s}
    how long is the {s} blade
    """)

# --- toys ---------------------------------------------------------------------------------------

_product("piece_count", "count_large",
    "Pieces | Piece count | Number of pieces | Parts | Elements | Number of parts",
    """
    contains {V} pieces
    comes with {V} pieces
    is made up of {V} parts
    has {V} pieces
    includes {V} elements
    """,
    """
    {S} contains {V} pieces.
    {S} is made up of {V} parts.
    Piece count of {S}: {V}.
    With {V} pieces, {S} keeps builders busy for hours.
    {S} comes with {V} pieces and a printed guide.
    All in all, {S} includes {V} elements.
    """,
    """
    How many pieces does {s} have?
    How many parts are in {s}?
    piece count of {s}?
    how many pieces in {s}
    {s} pieces
    How big is the {s} set?
    how many bricks does {s} have
    What's the number of pieces in {s}?
    parts {s}
    how many elements are in {s}
    """)

_product("batteries_required", "battery_type",
    "Batteries | Batteries required | Power supply | Battery type | Power | Requires",
    """
    runs on {V}
    needs {V}
    takes {V}
    is powered by {V}
    uses {V}
    """,
    """
    {S} runs on {V}.
    {S} needs {V}.
    Batteries for {S}: {V}.
    {S} is powered by {V}.
    To use {S}, you need {V}.
    {S} takes {V}.
    """,
    """
    What batteries does {s} need?
    Which batteries does {s} take?
    batteries for {s}?
    does {s} need batteries
    {s} batteries
    Are batteries included with {s}?
    what kind of batteries does {s} use
    How is {s} powered?
    battery type {s}
    how many batteries does {s} need
    """)

_product("languages", "language_list",
    "Languages | Supported languages | Language | Available languages | Interface languages | Menu languages",
    """
    speaks {V}
    supports {V}
    is available in {V}
    comes in {V}
    works in {V}
    """,
    """
    {S} speaks {V}.
    {S} supports {V}.
    {S} is available in {V}.
    Languages in {S}: {V}.
    You can set {S} to {V}.
    The menus of {S} come in {V}.
    """,
    """
    What languages does {s} support?
    Which languages is {s} available in?
    languages of {s}?
    {s} languages
    Can I change the language of {s}?
    what languages does {s} speak
    Which languages can I use on {s}?
    language {s}
    """)

# --- clothing and shoes ------------------------------------------------------------------------

_product("sizes", "size_range",
    "Sizes | Size range | Available sizes | Sizing | Size | Sizes available",
    """
    comes in sizes {V}
    is available in sizes {V}
    is made in sizes {V}
    is offered in sizes {V}
    is stocked in sizes {V}
    """,
    """
    {S} comes in sizes {V}.
    We make {S} in sizes {V}.
    Available sizes for {S}: {V}.
    {S} is available in sizes {V}.
    You can order {S} in sizes {V}.
    {S} is stocked in sizes {V}; see the size chart for measurements.
    """,
    """
    What sizes does {s} come in?
    Which sizes is {s} available in?
    sizes of {s}?
    does {s} come in large sizes
    {s} sizes
    What size range does {s} have?
    is {s} available in my size
    Which sizes can I order {s} in?
    size range {s}
    what sizes are there for {s}
    """)

_product("wash_temperature", "wash_temp",
    "Washing | Wash temperature | Care | Machine wash | Washing instructions | Laundry",
    """
    can be washed at {V}
    is machine washable at {V}
    should be washed at {V}
    is washable at {V}
    can go in the machine at {V}
    """,
    """
    {S} can be washed at {V}.
    Wash {S} at {V} with similar colours.
    {S} is machine washable at {V}.
    Care: wash {S} at {V}, do not tumble dry.
    We recommend washing {S} at {V}.
    Machine wash {S} at {V} on a gentle cycle.
    """,
    """
    What temperature can I wash {s} at?
    How do I wash {s}?
    washing temperature for {s}?
    can {s} go in the washing machine
    {s} washing instructions
    Is {s} machine washable?
    how hot can i wash {s}
    At what temperature should I wash {s}?
    wash temp {s}
    how should i wash the {s}
    """)

_product("heel_drop", "small_length",
    "Drop | Heel drop | Heel-to-toe drop | Offset | Heel-toe drop | Drop (heel to toe)",
    """
    has a drop of {V}
    has a heel-to-toe drop of {V}
    comes with a drop of {V}
    has a heel drop of {V}
    offers a drop of {V}
    """,
    """
    {S} has a heel-to-toe drop of {V}.
    The drop of {S} is {V}.
    Heel drop of {S}: {V}.
    {S} comes with a drop of {V} for a natural stride.
    With a drop of {V}, {S} suits midfoot strikers.
    {S} has a heel drop of {V}.
    """,
    """
    What is the drop of {s}?
    What's the heel-to-toe drop of {s}?
    heel drop of {s}?
    how much drop does {s} have
    {s} drop
    Is {s} a low drop shoe?
    what offset does {s} have
    How big is the heel drop on {s}?
    drop {s} mm
    how high is the heel of {s} compared to the toe
    """)

# --- beauty and personal care ---------------------------------------------------------------------

_product("heat_settings", "count",
    "Heat settings | Temperature settings | Heat levels | Settings | Temperature levels | Heat modes",
    """
    has {V} heat settings
    offers {V} temperature settings
    comes with {V} heat levels
    has {V} temperature levels
    lets you choose from {V} heat settings
    """,
    """
    {S} has {V} heat settings.
    {S} offers {V} temperature settings for different needs.
    Heat settings on {S}: {V}.
    You can choose from {V} heat levels on {S}.
    With {V} temperature settings, {S} is easy to fine-tune.
    {S} comes with {V} heat settings.
    """,
    """
    How many heat settings does {s} have?
    How many temperature settings are on {s}?
    heat settings of {s}?
    how many heat levels can i pick on {s}
    {s} heat settings
    How many heat levels does {s} offer?
    number of heat settings on {s}
    What temperature settings does {s} have?
    heat levels {s}
    how many settings on {s}
    """)

_product("plug_type", "plug",
    "Plug | Plug type | Mains plug | Power plug | Plug (mains) | Plug standard",
    """
    comes with {V}
    is fitted with {V}
    ships with {V}
    has {V}
    is supplied with {V}
    """,
    """
    {S} comes with {V}.
    {S} is fitted with {V}.
    Plug of {S}: {V}.
    We ship {S} with {V}.
    {S} is supplied with {V}.
    For mains power, {S} has {V}.
    """,
    """
    What plug does {s} have?
    Which plug type does {s} come with?
    plug of {s}?
    can i use {s} abroad
    {s} plug
    Does {s} have a European plug?
    what kind of plug is on {s}
    Which plug is {s} supplied with?
    plug type {s}
    do i need an adapter for {s}
    """)

# --- phones, wearables, computing ----------------------------------------------------------------

_product("charging_power", "power",
    "Fast charging | Charging power | Charging speed | Wired charging | Max. charging power | Charger output",
    """
    charges at {V}
    supports fast charging at {V}
    charges with {V}
    takes {V} when charging
    can charge at {V}
    """,
    """
    {S} charges at {V}.
    {S} supports fast charging at {V}.
    With a compatible charger, {S} charges at {V}.
    Charging power of {S}: {V}.
    {S} can take {V} over a cable.
    Wired charging on {S} reaches {V}.
    """,
    """
    How fast does {s} charge?
    What is the charging power of {s}?
    fast charging {s}?
    how many watts does {s} charge at
    {s} charging speed
    Does {s} support fast charging?
    what charger wattage does {s} take
    What's the max charging speed of {s}?
    charging power {s}
    what wattage can {s} charge at
    """)

_product("software_updates", "duration_years",
    "Software updates | Updates | Update support | OS updates | Security updates | Support period",
    """
    gets software updates for {V}
    receives updates for {V}
    is supported with updates for {V}
    will get security updates for {V}
    gets OS upgrades for {V}
    """,
    """
    {S} gets software updates for {V}.
    We will provide security updates for {S} for {V}.
    {S} is supported with OS upgrades for {V} after launch.
    Update support for {S}: {V}.
    {S} receives updates for {V}.
    You can count on {V} of updates for {S}.
    """,
    """
    How long will {s} get updates?
    How many years of software updates does {s} get?
    software updates for {s}?
    how long is {s} supported
    {s} updates
    Will {s} get Android updates?
    how long will {s} get security patches
    For how long does {s} receive updates?
    update support {s}
    is {s} future proof, how long updates
    """)

_product("strap_size", "small_range",
    "Strap size | Wrist size | Band size | Fits wrists | Strap length | Band fits",
    """
    fits wrists of {V}
    has a strap for wrists of {V}
    fits wrist sizes of {V}
    has a band that fits {V}
    adjusts to wrists of {V}
    """,
    """
    {S} fits wrists of {V}.
    The strap of {S} adjusts to wrists of {V}.
    Strap size of {S}: {V}.
    {S} comes with a band that fits {V}.
    The standard strap of {S} fits wrist sizes of {V}.
    {S} suits wrists of {V}.
    """,
    """
    What wrist size does {s} fit?
    Will {s} fit my wrist?
    strap size of {s}?
    how big is the band on {s}
    {s} strap size
    Does {s} fit small wrists?
    what wrist sizes does {s} fit
    How long is the strap of {s}?
    band size {s}
    will the {s} strap fit a large wrist
    """)

_product("data_speed", "data_rate",
    "Speed | Transfer speed | Max. speed | Throughput | Data rate | Wi-Fi speed | Read speed",
    """
    reaches {V}
    delivers speeds of {V}
    offers {V}
    supports speeds of {V}
    transfers data at {V}
    """,
    """
    {S} reaches {V}.
    {S} delivers speeds of {V}.
    Max. speed of {S}: {V}.
    With {V}, {S} moves large files in seconds.
    {S} transfers data at {V}.
    {S} supports speeds of {V}.
    """,
    """
    How fast is {s}?
    What speed does {s} support?
    transfer speed of {s}?
    how many Mbps is {s}
    {s} speed
    What's the maximum throughput of {s}?
    how fast can {s} transfer data
    What transfer speed does {s} offer?
    max speed {s}
    is {s} fast enough for big files
    """)

_product("number_of_ports", "count",
    "Ports | Number of ports | USB ports | Connections | LAN ports | Outputs",
    """
    has {V} ports
    offers {V} ports
    comes with {V} ports
    provides {V} ports
    is fitted with {V} ports
    """,
    """
    {S} has {V} ports.
    {S} offers {V} ports for your devices.
    Ports on {S}: {V}.
    {S} comes with {V} ports on the back.
    With {V} ports, {S} connects everything you need.
    {S} provides {V} ports.
    """,
    """
    How many ports does {s} have?
    How many USB ports are on {s}?
    ports on {s}?
    how many devices can i plug into {s}
    {s} ports
    How many connections does {s} have?
    number of ports {s}
    What ports does {s} offer?
    how many lan ports on {s}
    does {s} have enough ports
    """)

# --- software and subscription plans ---------------------------------------------------------------

_product("plan_price", "money_per_period",
    "Price | Cost | Plan price | Subscription | Billing | Pricing | Monthly price",
    """
    costs {V}
    is {V}
    is billed at {V}
    is priced at {V}
    comes in at {V}
    """,
    """
    {S} costs {V}.
    {S} is priced at {V}, billed in advance.
    You can subscribe to {S} for {V}.
    Pricing for {S}: {V}.
    {S} is billed at {V}.
    At {V}, {S} is our most popular plan.
    """,
    """
    How much does {s} cost?
    What is the price of {s}?
    price of {s}?
    how much is {s} per month
    {s} price
    How much do I pay for {s}?
    what does {s} cost a month
    What's the subscription fee for {s}?
    cost of {s} plan
    is {s} expensive
    how much is the {s} subscription
    """)

_product("users_per_plan", "count",
    "Users | Users included | Seats | Team members | Number of users | Members",
    """
    includes {V} users
    covers {V} users
    can be shared by {V} people
    is for up to {V} users
    comes with {V} seats
    """,
    """
    {S} includes {V} users.
    {S} can be shared by {V} people.
    Users included in {S}: {V}.
    {S} is for teams of up to {V} users.
    {S} comes with {V} seats.
    Up to {V} team members can use {S}.
    """,
    """
    How many users does {s} include?
    How many people can use {s}?
    users in {s}?
    how many seats does {s} have
    {s} users
    Can I share {s} with my family?
    how many team members does {s} allow
    How many users can be on {s}?
    seats {s}
    how many accounts come with {s}
    """)

_product("storage_per_plan", "data_size",
    "Storage | Cloud storage | Storage included | Space | Storage per user | Online storage",
    """
    includes {V} of storage
    comes with {V} of cloud storage
    gives you {V} of storage
    offers {V} of space
    has {V} of storage
    """,
    """
    {S} includes {V} of storage.
    {S} comes with {V} of cloud storage.
    Storage in {S}: {V}.
    With {S}, you get {V} of space for your files.
    {S} gives every user {V} of storage.
    {S} offers {V} of online storage.
    """,
    """
    How much storage does {s} include?
    How much space do I get with {s}?
    storage of {s}?
    how many GB is {s}
    {s} storage
    What storage comes with {s}?
    how much cloud storage is in {s}
    How much can I store with {s}?
    space {s}
    is the storage in {s} enough
    """)

_product("free_trial", "duration_days",
    "Free trial | Trial | Trial period | Try for free | Trial length | Free period",
    """
    comes with a free trial of {V}
    can be tried free for {V}
    offers a free trial of {V}
    is free for the first {V}
    has a trial period of {V}
    """,
    """
    {S} comes with a free trial of {V}.
    You can try {S} free for {V}.
    Free trial of {S}: {V}, no credit card needed.
    {S} is free for the first {V}.
    Start your free trial of {S}: {V} to test every feature.
    {S} has a trial period of {V}.
    """,
    """
    Is there a free trial for {s}?
    How long is the free trial of {s}?
    free trial {s}?
    can i try {s} for free
    {s} trial
    How long can I test {s}?
    how many days is the {s} trial
    What's the trial period of {s}?
    trial length {s}
    is {s} free to try
    """)

_product("devices_per_plan", "count",
    "Devices | Devices per account | Simultaneous devices | Number of devices | Installations | Devices included",
    """
    works on {V} devices
    can be used on {V} devices at once
    covers {V} devices
    can be installed on {V} devices
    supports {V} devices at the same time
    """,
    """
    {S} works on {V} devices.
    You can use {S} on {V} devices at once.
    Devices per account with {S}: {V}.
    {S} covers {V} devices.
    {S} can be installed on {V} devices.
    {S} supports {V} devices at the same time.
    """,
    """
    How many devices can I use {s} on?
    On how many devices does {s} work?
    devices for {s}?
    can i use {s} on my phone and laptop
    {s} devices
    How many devices does {s} cover?
    how many installations does {s} allow
    How many devices at once with {s}?
    number of devices {s}
    can i share {s} across devices
    """)

_product("cancellation_notice", "duration_days",
    "Notice period | Cancellation | Cancellation notice | Cancel anytime | Notice | Termination",
    """
    can be cancelled with a notice period of {V}
    requires {V} of notice to cancel
    has a notice period of {V}
    can be ended with {V} of notice
    needs {V} of notice before cancelling
    """,
    """
    {S} can be cancelled with a notice period of {V}.
    To cancel {S}, give us {V} of notice.
    Notice period for {S}: {V}.
    {S} has a notice period of {V}.
    You can end {S} at any time with {V} of notice.
    Cancellation of {S} requires {V} of notice.
    """,
    """
    How much notice do I need to cancel {s}?
    What is the notice period for {s}?
    cancellation of {s}?
    can i cancel {s} any time
    {s} notice period
    How much notice do I need to give to cancel {s}?
    how long before can i cancel {s}
    What's the cancellation period of {s}?
    notice to cancel {s}
    is there a notice period on {s}
    """)

_product("minimum_term", "duration_years",
    "Minimum term | Contract length | Minimum contract | Commitment | Term | Contract term",
    """
    has a minimum term of {V}
    requires a commitment of {V}
    runs for a minimum of {V}
    comes with a minimum contract of {V}
    has a contract term of {V}
    """,
    """
    {S} has a minimum term of {V}.
    {S} runs for a minimum of {V}.
    Minimum contract for {S}: {V}.
    {S} requires a commitment of {V}.
    After the minimum term of {V}, you can cancel {S} monthly.
    The contract for {S} runs for {V}.
    """,
    """
    What is the minimum term of {s}?
    How long is the contract for {s}?
    minimum term {s}?
    am i locked in with {s}
    {s} contract length
    Is there a minimum contract on {s}?
    how long do i have to keep {s}
    What's the commitment for {s}?
    contract term {s}
    how long is the {s} contract
    """)


# --- more fields used by a few categories ---------------------------------------------------

_product("place_settings", "count",
    "Place settings | Capacity | Settings | Number of place settings | Load | Place setting capacity",
    """
    holds {V} place settings
    takes {V} place settings
    has room for {V} place settings
    cleans {V} place settings per cycle
    fits {V} place settings
    """,
    """
    {S} holds {V} place settings.
    With room for {V} place settings, {S} suits larger households.
    Capacity of {S}: {V} place settings.
    {S} cleans {V} place settings in one cycle.
    {S} takes {V} place settings, including pots.
    Inside {S} there is space for {V} place settings.
    """,
    """
    How many place settings does {s} hold?
    How many people's dishes fit in {s}?
    place settings of {s}?
    how many plates fit in {s}
    {s} capacity
    Is {s} big enough for a family of four?
    how much does {s} fit
    What's the capacity of {s}?
    how many settings does {s} take
    number of place settings {s}
    """)

_product("focal_length", "focal_length",
    "Focal length | Focal range | Zoom range | Focal length (35 mm equiv.) | Lens | Focal",
    """
    has a focal length of {V}
    covers {V}
    has a focal range of {V}
    zooms over {V}
    spans {V}
    """,
    """
    {S} has a focal length of {V}.
    {S} covers {V}, ideal for travel and portraits.
    Focal length of {S}: {V}.
    With a focal range of {V}, {S} handles most situations.
    {S} spans {V}.
    {S} is a lens with a focal length of {V}.
    """,
    """
    What is the focal length of {s}?
    What focal range does {s} cover?
    focal length of {s}?
    how wide is {s}
    {s} focal length
    Is {s} a zoom or a prime?
    what mm is {s}
    What's the zoom range of {s}?
    focal range {s}
    how far does {s} reach
    """)

_product("beam_distance", "short_distance",
    "Beam distance | Beam | Light range | Throw | Beam range | Reach",
    """
    has a beam distance of {V}
    lights up {V} ahead
    throws light {V}
    reaches {V}
    has a beam that reaches {V}
    """,
    """
    {S} has a beam distance of {V}.
    On full power, {S} lights up {V} ahead.
    Beam distance of {S}: {V}.
    The beam of {S} reaches {V}.
    With a throw of {V}, {S} shows the trail well ahead.
    {S} throws light {V}.
    """,
    """
    How far does {s} shine?
    What is the beam distance of {s}?
    beam distance of {s}?
    how far can {s} light
    {s} beam
    How far does the light of {s} reach?
    how far ahead can i see with {s}
    What's the throw of {s}?
    light range {s}
    does {s} shine far
    """)

_product("height_range", "length_range",
    "Height range | Height | Height adjustment | Adjustable height | Desk height | Height (adjustable)",
    """
    adjusts in height over {V}
    has a height range of {V}
    offers a height range of {V}
    can be set to heights of {V}
    has an adjustable height of {V}
    """,
    """
    {S} has a height range of {V}.
    You can set {S} to heights of {V}.
    Height range of {S}: {V}.
    {S} adjusts over {V} at the touch of a button.
    With a height range of {V}, {S} works for sitting and standing.
    {S} offers an adjustable height of {V}.
    """,
    """
    What is the height range of {s}?
    How high does {s} go?
    height of {s}?
    how low does {s} go
    {s} height range
    Is {s} tall enough for me?
    how much can {s} be adjusted
    What heights can {s} be set to?
    height adjustment {s}
    min and max height of {s}
    """)

_product("flow_rate", "flow_rate",
    "Flow rate | Water flow | Max. flow | Flow | Water throughput | Delivery rate",
    """
    has a flow rate of {V}
    pumps {V}
    delivers {V}
    moves {V} of water
    has a water flow of {V}
    """,
    """
    {S} has a flow rate of {V}.
    {S} delivers {V}.
    Flow rate of {S}: {V}.
    With a water flow of {V}, {S} cleans large areas quickly.
    {S} pumps {V}.
    The pump of {S} moves {V}.
    """,
    """
    What is the flow rate of {s}?
    How much water does {s} pump?
    flow rate of {s}?
    how much water per hour does {s} use
    {s} flow
    What's the water flow of {s}?
    how much water does {s} go through
    What flow rate does {s} have?
    water flow {s}
    is the flow of {s} strong
    """)

_product("players", "count",
    "Players | Number of players | Player count | For | Players (min-max) | Participants",
    """
    is for {V} players
    can be played by {V} players
    works with {V} players
    is designed for {V} players
    supports {V} players
    """,
    """
    {S} is for {V} players.
    {S} can be played by {V} players.
    Players: {S} works with {V}.
    {S} is designed for {V} players.
    Gather {V} players and start {S}.
    {S} supports {V} players.
    """,
    """
    How many players is {s} for?
    How many people can play {s}?
    players for {s}?
    can i play {s} alone
    {s} number of players
    Is {s} good for a big group?
    how many can play {s}
    What is the player count of {s}?
    players {s}
    how many people do you need for {s}
    """)

_product("play_time", "duration_minutes",
    "Play time | Playing time | Duration | Game length | Time per game | Average play time",
    """
    takes {V} to play
    lasts {V} per game
    plays in {V}
    runs for {V}
    takes {V} per round
    """,
    """
    {S} takes {V} to play.
    A game of {S} lasts {V}.
    Play time of {S}: {V}.
    {S} plays in {V}.
    Most games of {S} run for {V}.
    Expect {V} for a round of {S}.
    """,
    """
    How long does {s} take to play?
    How long is a game of {s}?
    play time of {s}?
    how long does a round of {s} last
    {s} game length
    Is {s} a quick game?
    how many minutes is {s}
    What's the average play time of {s}?
    duration {s}
    how long do games of {s} take
    """)

_product("file_size_limit", "data_size",
    "Upload limit | File size limit | Max. file size | Upload size | File limit | Largest file",
    """
    has an upload limit of {V}
    accepts files of {V}
    takes files of {V}
    has a file size limit of {V}
    allows uploads of {V}
    """,
    """
    {S} has an upload limit of {V} per file.
    With {S}, you can upload files of {V}.
    Max. file size in {S}: {V}.
    {S} accepts single files of {V}.
    The file size limit of {S} is {V}.
    {S} allows uploads of {V}.
    """,
    """
    What is the upload limit of {s}?
    How big can files be in {s}?
    file size limit of {s}?
    can i upload large files with {s}
    {s} max file size
    What's the largest file I can upload on {s}?
    how large a file does {s} accept
    Is there a file size limit on {s}?
    upload limit {s}
    how big can my uploads be on {s}
    """)

_product("version_history", "duration_days",
    "Version history | File history | Restore period | Deleted files | Recovery period | File recovery",
    """
    keeps file versions for {V}
    keeps deleted files for {V}
    stores version history for {V}
    lets you restore files for {V}
    saves old versions for {V}
    """,
    """
    {S} keeps file versions for {V}.
    With {S}, deleted files can be restored for {V}.
    Version history in {S}: {V}.
    {S} saves older versions of your files for {V}.
    You can recover files in {S} for {V}.
    {S} stores your file history for {V}.
    """,
    """
    How long does {s} keep old versions?
    Can I restore deleted files in {s}?
    version history of {s}?
    how long are deleted files kept in {s}
    {s} file recovery
    How far back can I restore files with {s}?
    how long is the version history on {s}
    What's the recovery period of {s}?
    restore period {s}
    does {s} keep file history
    """)

_product("server_countries", "count_medium",
    "Server locations | Countries | Servers | Locations | Server countries | Network",
    """
    has servers in {V} countries
    runs servers in {V} countries
    covers {V} countries
    offers locations in {V} countries
    operates servers in {V} countries
    """,
    """
    {S} has servers in {V} countries.
    With {S}, you can connect to {V} countries.
    Server locations of {S}: {V} countries.
    {S} covers {V} countries.
    {S} offers locations in {V} countries worldwide.
    Our network for {S} spans {V} countries.
    """,
    """
    How many countries does {s} have servers in?
    Where are the servers of {s}?
    server locations of {s}?
    how many countries does {s} cover
    {s} servers
    How big is the {s} network?
    how many locations does {s} have
    In how many countries can I connect with {s}?
    countries {s}
    does {s} have many servers
    """)

_product("user_profiles", "count",
    "User profiles | Profiles | Users | Number of users | Family members | Accounts",
    """
    stores {V} user profiles
    recognises {V} users
    supports {V} profiles
    keeps data for {V} users
    has room for {V} profiles
    """,
    """
    {S} stores {V} user profiles.
    {S} recognises up to {V} users automatically.
    User profiles on {S}: {V}.
    {S} keeps separate data for {V} users.
    The whole family can share {S}: it supports {V} profiles.
    {S} has room for {V} profiles.
    """,
    """
    How many users does {s} support?
    How many profiles can {s} store?
    users on {s}?
    can my family share {s}
    {s} user profiles
    Does {s} recognise different people?
    how many people can use {s}
    How many user profiles does {s} have?
    profiles {s}
    can several people use {s}
    """)

_product("cutting_depth", "small_length",
    "Cutting depth | Max. cutting depth | Depth of cut | Cut depth | Cutting capacity | Max. depth",
    """
    has a cutting depth of {V}
    cuts {V} deep
    has a maximum cutting depth of {V}
    cuts through material of {V}
    offers a depth of cut of {V}
    """,
    """
    {S} has a cutting depth of {V}.
    {S} cuts {V} deep at 90°.
    Max. cutting depth of {S}: {V}.
    With a cutting depth of {V}, {S} handles thick boards.
    {S} offers a depth of cut of {V}.
    The blade of {S} cuts through material of {V}.
    """,
    """
    What is the cutting depth of {s}?
    How deep does {s} cut?
    cutting depth of {s}?
    how thick can {s} cut
    {s} depth of cut
    What's the max cutting depth of {s}?
    how deep can i cut with {s}
    How thick a board can {s} cut?
    cut depth {s}
    does {s} cut thick wood
    """)


# ---------------------------------------------------------------------------------------
# Company fields: the subject of a clause is the shop or company ("Brightwell ships ...");
# sentences speak as "we" or use the passive; questions have no {s}.
# ---------------------------------------------------------------------------------------

# --- delivery -----------------------------------------------------------------------------

_company("delivery_time", "range_days",
    "Delivery time | Delivery | Shipping time | Standard delivery | Dispatch and delivery | Lead time",
    """
    delivers within {V}
    ships orders in {V}
    gets orders to customers in {V}
    delivers in {V}
    """,
    """
    Standard delivery takes {V}.
    Your order will arrive within {V}.
    We deliver within {V} of your order.
    Orders usually reach you in {V}.
    Delivery time: {V} after dispatch.
    Please allow {V} for standard delivery.
    Most parcels are delivered within {V}.
    """,
    """
    How long does delivery take?
    When will my order arrive?
    how long is shipping
    delivery time?
    How long until I get my order?
    how many days for delivery
    how fast do you deliver
    shipping time
    When can I expect my parcel?
    how long does standard shipping take
    how soon will it arrive
    """)

_company("delivery_cost", "fee",
    "Delivery cost | Shipping | Delivery charge | Shipping cost | Postage | Standard shipping",
    """
    """,
    """
    Standard delivery is {V}.
    Delivery within the country is {V}.
    Shipping: {V} per order.
    For standard shipping, the charge is {V}.
    Postage and packing: {V}.
    Our standard delivery is {V} for all orders.
    Home delivery is {V}.
    """,
    """
    How much is delivery?
    How much does shipping cost?
    delivery cost?
    is shipping free
    What do you charge for delivery?
    shipping costs
    how much is postage
    Do I have to pay for delivery?
    whats the delivery charge
    how much do you charge for shipping
    delivery fee
    """)

_company("free_delivery_threshold", "price_mid",
    "Free delivery | Free shipping | Free delivery from | Free shipping threshold | Minimum for free delivery | Free postage",
    """
    ships free on orders over {V}
    offers free delivery from {V}
    delivers for free on orders above {V}
    waives the delivery fee from {V}
    """,
    """
    Delivery is free on orders over {V}.
    We offer free shipping on all orders above {V}.
    Spend {V} or more and shipping is on us.
    Free delivery from {V}.
    Orders of {V} and above ship free of charge.
    Free standard shipping applies once your basket reaches {V}.
    """,
    """
    When is delivery free?
    How much do I need to spend for free shipping?
    free delivery threshold?
    do you offer free shipping
    Is there a minimum order for free delivery?
    free shipping from how much
    what is the minimum spend for free postage
    when do I get free delivery
    How much for free shipping?
    minimum order value free delivery
    """)

_company("delivery_countries", "country_list",
    "Delivery countries | We ship to | Shipping destinations | Delivery area | Countries | Where we deliver",
    """
    ships to {V}
    delivers to {V}
    sends orders to {V}
    currently delivers to {V}
    """,
    """
    We ship to {V}.
    We currently deliver to {V}.
    Delivery is available to {V}.
    Our shipping destinations: {V}.
    Orders can be delivered to {V}.
    At the moment we only ship to {V}.
    """,
    """
    Which countries do you ship to?
    Where do you deliver?
    do you ship abroad
    delivery countries?
    Do you deliver internationally?
    which countries can you send to
    where can I get my order delivered
    Do you ship outside the country?
    shipping destinations
    what countries do you deliver to
    """)

_company("express_delivery_time", "range_days",
    "Express delivery | Express shipping | Next-day delivery | Express | Fast delivery | Priority shipping",
    """
    delivers express orders within {V}
    gets express parcels to you in {V}
    ships express orders in {V}
    """,
    """
    Express delivery takes {V}.
    With express shipping, your order arrives within {V}.
    Express orders reach you in {V}.
    Need it fast? Express delivery: {V}.
    Priority shipping is delivered within {V}.
    Choose express at checkout and receive your order in {V}.
    """,
    """
    How fast is express delivery?
    How long does express shipping take?
    express delivery time?
    do you have next day delivery
    How quickly can I get my order?
    how long is priority shipping
    express shipping how long
    Can I get my order faster?
    how fast can you deliver
    what is the fastest delivery
    """)

_company("express_delivery_cost", "price_small",
    "Express delivery cost | Express shipping | Express surcharge | Next-day delivery cost | Priority shipping | Express fee",
    """
    charges {V} for express delivery
    charges {V} for next-day delivery
    adds {V} for express shipping
    """,
    """
    Express delivery costs {V}.
    Next-day delivery is available for {V}.
    Express shipping: {V} per order.
    For {V}, we'll send your order by express.
    Priority shipping costs an extra {V}.
    Upgrade to express delivery for {V}.
    """,
    """
    How much is express delivery?
    What does express shipping cost?
    express delivery cost?
    how much is next day delivery
    price of express shipping
    How much extra for faster delivery?
    express fee
    how much do you charge for express
    What's the cost of priority shipping?
    next day delivery price
    """)

_company("order_cutoff", "time_of_day",
    "Order cut-off | Same-day dispatch | Cut-off time | Order by | Dispatch deadline | Same-day shipping",
    """
    ships orders placed before {V} the same day
    dispatches same day for orders placed by {V}
    sends out orders received before {V} on the same day
    """,
    """
    Orders placed before {V} ship the same day.
    Order by {V} for same-day dispatch.
    Everything ordered before {V} on a weekday leaves our warehouse the same day.
    Cut-off time for same-day dispatch: {V}.
    If you order before {V}, we dispatch today.
    Orders received after {V} are dispatched the next working day.
    """,
    """
    What time do I need to order for same-day dispatch?
    When is the order cut-off?
    cut off time?
    until when can I order to get it shipped today
    What's the last order time for same-day shipping?
    order by what time
    if i order today when does it ship
    When do orders need to be in to ship the same day?
    same day dispatch deadline
    latest order time for next day delivery
    """)

_company("click_and_collect", "duration_hours",
    "Click & collect | Click and collect | Store pickup | Collection | In-store pickup | Reserve and collect",
    """
    has click & collect orders ready within {V}
    gets orders ready for pickup in {V}
    prepares collection orders within {V}
    """,
    """
    Click & collect orders are ready within {V}.
    Your order will be ready for pickup in {V}.
    Reserve online and collect in store within {V}.
    Collection orders are prepared within {V}.
    Click and collect: ready in {V}, free of charge.
    We'll email you when your order is ready, usually within {V}.
    """,
    """
    How quickly is click and collect ready?
    Can I pick up my order in store?
    click & collect how long
    when can I collect my order
    How long until my pickup order is ready?
    in store pickup time
    is click and collect available
    How soon can I collect?
    how long does reserve and collect take
    store pickup how fast
    """)

# --- returns ---------------------------------------------------------------------------------------

_company("returns_window", "duration_days",
    "Returns | Return period | Returns window | Right of return | Return policy | Money-back guarantee",
    """
    accepts returns within {V}
    gives customers {V} to return items
    offers a return period of {V}
    takes back unused items within {V}
    """,
    """
    You can return any item within {V} of delivery.
    We offer a return period of {V} on all orders.
    Returns are accepted within {V}.
    Not happy? Send it back within {V} for a full refund.
    Our returns window is {V} from the date of delivery.
    You have {V} to change your mind.
    """,
    """
    How long do I have to return an item?
    What is your return policy?
    returns window?
    can I return something I bought
    How many days do I have to send it back?
    return period
    until when can i return my order
    What's the time limit for returns?
    how long is the return policy
    can i still return it
    """)

_company("refund_time", "range_days",
    "Refunds | Refund time | Refund processing | Money back | Refund period | Reimbursement",
    """
    refunds returns within {V}
    processes refunds in {V}
    pays refunds within {V}
    """,
    """
    Refunds are processed within {V} of receiving your return.
    You'll get your money back within {V}.
    Once we receive the item, the refund takes {V}.
    We issue refunds within {V}.
    Refund time: {V} after your return arrives at our warehouse.
    Please allow {V} for the refund to appear on your account.
    """,
    """
    How long does a refund take?
    When will I get my money back?
    refund time?
    how long until i get my refund
    How quickly do you process refunds?
    when do refunds arrive
    how long for money back
    I returned my order, when is the refund?
    refund processing time
    how many days for a refund
    """)

_company("return_shipping_cost", "fee",
    "Return shipping | Return postage | Returns cost | Return label | Cost of returns | Return fee",
    """
    """,
    """
    Return shipping is {V}.
    Sending an item back is {V}.
    Return postage: {V}.
    The return label is {V}.
    Returns by post are {V}.
    For returns, the shipping cost is {V}.
    """,
    """
    Do I have to pay for returns?
    How much does it cost to return an item?
    return shipping cost?
    are returns free
    Who pays for return postage?
    return fee
    how much is a return label
    is return shipping free
    What does sending it back cost?
    do you charge for returns
    """)

_company("exchange_policy", "condition",
    "Exchanges | Exchange policy | Swaps | Size exchange | Exchange | Exchange conditions",
    """
    exchanges items {V}
    swaps products {V}
    accepts exchanges {V}
    """,
    """
    Exchanges are possible {V}.
    We exchange items {V}.
    You can swap your item {V}.
    Exchange policy: items can be exchanged {V}.
    We're happy to exchange products {V}.
    An exchange is accepted {V}.
    """,
    """
    Can I exchange an item?
    What is your exchange policy?
    exchanges?
    can i swap for a different size
    How do exchanges work?
    can I exchange my order
    exchange policy
    is it possible to exchange a product
    Under what conditions can I exchange something?
    can i change it for another colour
    """)

# --- opening hours and contact -------------------------------------------------------------------------

_company("weekday_hours", "hours_range",
    "Opening hours (Mon-Fri) | Weekdays | Monday to Friday | Opening hours | Mon-Fri | Store hours",
    """
    is open {V} on weekdays
    opens its doors {V} from Monday to Friday
    is open from Monday to Friday, {V}
    """,
    """
    We are open {V} on weekdays.
    Our store is open Monday to Friday, {V}.
    Opening hours on weekdays: {V}.
    From Monday to Friday you can visit us {V}.
    On weekdays the shop opens {V}.
    During the week we're open {V}.
    """,
    """
    What are your opening hours?
    When are you open during the week?
    opening hours monday to friday?
    what time do you open during the week
    When does the shop close on weekdays?
    store hours
    are you open on weekdays
    what time do you close on weekdays
    opening times mon-fri
    When can I visit the store?
    """)

_company("saturday_hours", "hours_range",
    "Saturday | Opening hours (Saturday) | Sat | Saturday hours | Weekend hours | Saturdays",
    """
    is open {V} on Saturdays
    opens {V} on Saturday
    """,
    """
    On Saturdays we are open {V}.
    Saturday opening hours: {V}.
    Our store is open {V} on Saturday.
    You can visit us on Saturdays {V}.
    Saturday: {V}.
    At weekends we only open on Saturdays, {V}.
    """,
    """
    Are you open on Saturday?
    What are your Saturday opening hours?
    saturday hours?
    when do you open on saturday
    What time do you close on Saturdays?
    opening hours saturday
    are you open this saturday
    Saturday opening times?
    what time does the store open on saturday
    weekend opening hours
    """)

_company("sunday_hours", "hours_range",
    "Sunday | Opening hours (Sunday) | Sun | Sunday hours | Sundays | Sunday opening",
    """
    is open {V} on Sundays
    opens {V} on Sunday
    """,
    """
    On Sundays we are open {V}.
    Sunday opening hours: {V}.
    Our store opens on Sunday {V}.
    You can shop with us on Sundays {V}.
    Sunday: {V}.
    Even on Sundays, we're here for you {V}.
    """,
    """
    Are you open on Sunday?
    What are your Sunday opening hours?
    sunday hours?
    when do you open on sunday
    What time do you close on Sundays?
    opening hours sunday
    are you open this sunday
    Sunday opening times?
    is the shop open on sundays
    what time does the store open sunday
    """)

_company("phone", "phone",
    "Phone | Telephone | Hotline | Customer service | Call us | Tel.",
    """
    can be reached on {V}
    takes calls on {V}
    answers the phone on {V}
    runs a customer hotline on {V}
    """,
    """
    You can call us on {V}.
    Our customer service team is available on {V}.
    Questions? Give us a call at {V}.
    Hotline: {V}.
    For urgent issues, phone {V}.
    Reach our support team by phone at {V}.
    """,
    """
    What is your phone number?
    How can I call you?
    phone number?
    customer service number
    Can I speak to someone?
    what number do i call
    hotline?
    Is there a number I can ring?
    how do i contact you by phone
    telephone number for support
    """)

_company("email", "email",
    "Email | E-mail | Contact email | Support email | Write to us | Email address",
    """
    can be reached at {V}
    answers emails at {V}
    takes questions at {V}
    """,
    """
    You can email us at {V}.
    Write to us at {V}.
    Our support team reads every message sent to {V}.
    Email: {V}.
    For questions about your order, email {V}.
    Send us an email at {V} and we'll get back to you.
    """,
    """
    What is your email address?
    How can I email you?
    email address?
    support email
    Where can I send an email?
    how do i contact you by email
    what email do i write to
    contact email?
    Can I reach you by email?
    customer service email address
    """)

_company("store_address", "address",
    "Address | Store address | Our shop | Visit us | Showroom | Location",
    """
    has its store at {V}
    runs a shop at {V}
    has a showroom at {V}
    is located at {V}
    """,
    """
    Our shop is at {V}.
    Visit us at {V}.
    You'll find our store at {V}.
    Showroom: {V}.
    Come and see the full range at {V}.
    Our flagship store is located at {V}.
    """,
    """
    Where is your shop?
    What is the address of your store?
    store address?
    where can I visit you
    Do you have a physical shop?
    where is the showroom
    shop location
    how do i find your store
    what's your address
    Where is your store located?
    """)

_company("hq_address", "address",
    "Head office | Headquarters | Registered office | Company address | HQ | Postal address",
    """
    has its head office at {V}
    is headquartered at {V}
    has its registered office at {V}
    is based at {V}
    """,
    """
    Our head office is at {V}.
    Registered office: {V}.
    The company is headquartered at {V}.
    Postal address: {V}.
    Our headquarters are located at {V}.
    Letters can be sent to our head office at {V}.
    """,
    """
    Where is your head office?
    What is your company address?
    headquarters address?
    full address of your head office?
    What is your registered office?
    postal address?
    where do i send a letter
    hq address
    What address is your headquarters at?
    what's your head office address
    """)

_company("service_centre_address", "address",
    "Service centre | Repair centre | Service address | Repairs | Workshop | Service point",
    """
    runs its service centre at {V}
    repairs products at {V}
    has its repair workshop at {V}
    """,
    """
    Our service centre is at {V}.
    Send items for repair to {V}.
    Repairs are handled at our workshop at {V}.
    Service centre: {V}.
    You can drop off your device at {V}.
    Please ship devices for repair to {V}.
    """,
    """
    Where is your service centre?
    Where do I send my item for repair?
    repair centre address?
    where can i get it fixed
    What is the address of your repair centre?
    service centre location
    where do I drop off a repair
    repair workshop address
    where do i take my broken device
    where do you do repairs
    """)

_company("returns_address", "address",
    "Returns address | Return to | Send returns to | Returns department | Returns warehouse | Return address",
    """
    takes returns at {V}
    receives returns at {V}
    processes returns at {V}
    """,
    """
    Please send returns to {V}.
    Our returns address is {V}.
    Returns department: {V}.
    Pack the item securely and post it to {V}.
    All returns go to our warehouse at {V}.
    Return address: {V}.
    """,
    """
    Where do I send my return?
    What is the returns address?
    return address?
    where should i post my return
    Which address do returns go to?
    returns warehouse address
    where to send back an item
    what address for returns
    Where do I ship a return to?
    returns department address
    """)

_company("live_chat_hours", "opening_hours",
    "Live chat | Chat | Chat hours | Online chat | Chat support | Live chat availability",
    """
    runs live chat {V}
    offers live chat {V}
    answers chat messages {V}
    """,
    """
    Our live chat is available {V}.
    You can chat with us {V}.
    Live chat: {V}.
    The chat team is online {V}.
    Start a chat on our website {V}.
    Chat support is staffed {V}.
    """,
    """
    When is live chat available?
    What are your chat hours?
    live chat hours?
    is the chat open now
    When can I chat with someone?
    online chat times
    when is chat support online
    Can I chat with you at the weekend?
    chat opening hours
    what time does live chat close
    """)

_company("phone_hours", "opening_hours",
    "Phone hours | Hotline hours | Call centre hours | Telephone support | Phone lines open | Phone support",
    """
    answers the phone {V}
    staffs its hotline {V}
    takes calls {V}
    """,
    """
    Our phone lines are open {V}.
    You can reach us by phone {V}.
    Hotline hours: {V}.
    The customer service team takes calls {V}.
    Call us {V}.
    Phone support is available {V}.
    """,
    """
    When can I call you?
    What are your phone hours?
    hotline hours?
    when are the phone lines open
    Can I call at the weekend?
    telephone support hours
    what time can i ring customer service
    When is the call centre open?
    phone opening times
    are you available by phone now
    """)

_company("response_time", "duration_hours",
    "Response time | Reply time | We reply within | Email response | Support response time | Answer time",
    """
    answers emails within {V}
    replies within {V}
    responds to messages within {V}
    """,
    """
    We reply to every email within {V}.
    Our support team responds within {V}.
    You'll hear back from us within {V}.
    Response time: {V} on working days.
    Expect an answer within {V}.
    We aim to answer all messages within {V}.
    """,
    """
    How quickly do you reply to emails?
    How long until I get an answer?
    response time?
    when will you reply to my email
    How fast does support answer?
    how long to hear back
    i sent an email, when will you respond
    What is your reply time?
    support response time
    how long does customer service take to answer
    """)

_company("support_languages", "language_list",
    "Languages | Support languages | We speak | Service languages | Customer service languages | Spoken languages",
    """
    offers support in {V}
    answers customers in {V}
    provides service in {V}
    """,
    """
    Our team offers support in {V}.
    We speak {V}.
    Customer service is available in {V}.
    You can contact us in {V}.
    Support languages: {V}.
    Our agents answer in {V}.
    """,
    """
    Which languages do you speak?
    What languages is support available in?
    support languages?
    do you speak my language
    In which languages can I contact you?
    customer service languages
    can i write to you in another language
    What languages does your team speak?
    languages spoken
    which languages can I get help in
    """)

_company("website", "url",
    "Website | Web | Online | Help centre | Support site | More information",
    """
    runs its help centre at {V}
    publishes manuals at {V}
    has its support site at {V}
    """,
    """
    Visit our help centre at {V}.
    More information is available at {V}.
    You'll find manuals and FAQs at {V}.
    Website: {V}.
    Go to {V} for support.
    Details are online at {V}.
    """,
    """
    What is your website?
    Where is your help centre?
    website?
    where can i find manuals online
    Where can I find more information?
    support site address
    where are your faqs
    what's the link to the help page
    url for support
    Where do I find the help centre online?
    """)

# --- payment ------------------------------------------------------------------------------------------

_company("payment_methods", "payment_methods",
    "Payment methods | Payment | We accept | Ways to pay | Payment options | Accepted payments",
    """
    accepts {V}
    takes {V}
    lets you pay with {V}
    supports {V} at checkout
    """,
    """
    We accept {V}.
    You can pay with {V}.
    Payment methods: {V}.
    At checkout you can choose {V}.
    In store and online, we take {V}.
    Pay securely with {V}.
    """,
    """
    What payment methods do you accept?
    How can I pay?
    payment options?
    which cards do you take
    What ways can I pay?
    payment methods
    what forms of payment do you accept
    can i pay online
    Which payment options are there?
    how do i pay for my order
    """)

_company("instalments", "count",
    "Instalments | Pay in instalments | Installments | Pay later | Split payment | Financing",
    """
    lets you pay in {V} interest-free instalments
    offers payment in {V} instalments
    splits payments into {V} instalments
    """,
    """
    You can pay in {V} interest-free instalments.
    Spread the cost over {V} monthly instalments.
    We offer payment in {V} instalments at no extra cost.
    Instalments: up to {V}, interest-free.
    Split your purchase into {V} payments.
    At checkout, choose to pay in {V} instalments.
    """,
    """
    Can I pay in instalments?
    How many instalments can I pay in?
    instalments?
    do you offer financing
    Can I split the payment?
    pay later options
    how many installments do you offer
    Is there interest-free payment?
    can i spread the cost
    split payment options
    """)

_company("student_discount", "percent",
    "Student discount | Students | Student offer | Student savings | Education discount | Student price",
    """
    gives students {V} off
    offers a student discount of {V}
    takes {V} off for students
    """,
    """
    Students get {V} off.
    We offer a student discount of {V}.
    With a valid student ID, you save {V}.
    Student discount: {V} on full-price items.
    Students and teachers receive {V} off every order.
    Show your student card and get {V} off.
    """,
    """
    Do you have a student discount?
    How much is the student discount?
    student discount?
    discount for students
    Is there a student offer?
    how much do students save
    do teachers get a discount
    What's the education discount?
    student savings
    can students get money off
    """)

_company("newsletter_discount", "percent",
    "Newsletter | Sign-up discount | Welcome discount | Newsletter offer | First order discount | Welcome offer",
    """
    gives new subscribers {V} off
    offers {V} off the first order
    takes {V} off your first purchase
    """,
    """
    Sign up for our newsletter and get {V} off your first order.
    New subscribers receive a welcome discount of {V}.
    Subscribe and save {V} on your first purchase.
    Welcome offer: {V} off.
    Join our mailing list for {V} off your first order.
    Newsletter subscribers get {V} off once.
    """,
    """
    Is there a discount for signing up?
    Do you have a first order discount?
    newsletter discount?
    welcome offer?
    How much off do I get for the newsletter?
    discount for new customers
    sign up discount
    is there a code for my first order
    What do I get for subscribing?
    first purchase discount
    """)

_company("gift_card_validity", "duration_years",
    "Gift cards | Gift card validity | Vouchers | Gift voucher | Validity | Gift card expiry",
    """
    keeps gift cards valid for {V}
    honours gift cards for {V}
    issues gift cards valid for {V}
    """,
    """
    Gift cards are valid for {V} from purchase.
    Our vouchers can be redeemed for {V}.
    Gift card validity: {V}.
    You have {V} to use your gift card.
    Each gift voucher is valid for {V} after issue.
    Gift cards expire after {V}.
    """,
    """
    How long is a gift card valid?
    When does my gift card expire?
    gift card validity?
    do vouchers expire
    How long can I use a gift voucher?
    gift card expiry
    is my gift card still valid
    How long do gift cards last?
    voucher valid how long
    can i still use an old gift card
    """)

_company("price_match_period", "duration_days",
    "Price match | Price promise | Price guarantee | Lowest price guarantee | Price matching | Price protection",
    """
    matches lower prices for {V} after purchase
    refunds the difference for {V} after purchase
    offers price protection for {V}
    """,
    """
    If you find it cheaper within {V}, we refund the difference.
    Our price promise covers {V} after purchase.
    We match lower prices from other retailers for {V}.
    Price guarantee: {V} from the date of purchase.
    Found a lower price? Tell us within {V}.
    Our price protection lasts {V}.
    """,
    """
    Do you price match?
    How long does your price promise last?
    price match?
    will you match a lower price
    What is your price guarantee?
    i found it cheaper elsewhere
    price protection period
    can i get the difference back if the price drops
    How long is the price guarantee?
    do you refund price drops
    """)

_company("sale_dates", "date_range",
    "Sale | Sale dates | Summer sale | Winter sale | Promotion period | Offer period",
    """
    runs its sale {V}
    holds its seasonal sale {V}
    """,
    """
    Our sale runs {V}.
    Our seasonal sale takes place {V}.
    Sale dates: {V}.
    Don't miss our big sale: {V}.
    Discounts are available {V} while stocks last.
    The promotion is valid {V}.
    """,
    """
    When is your sale?
    When does the sale start?
    sale dates?
    when is the next sale
    How long does the sale last?
    when does the promotion end
    summer sale dates
    is there a sale coming up
    When is the winter sale?
    until when is the offer valid
    """)

_company("christmas_returns", "date",
    "Christmas returns | Extended returns | Holiday returns | Gift returns | Festive returns | Returns over Christmas",
    """
    accepts Christmas gift returns until {V}
    extends its returns window until {V}
    takes back holiday purchases until {V}
    """,
    """
    Items bought in December can be returned until {V}.
    Over the holidays, our returns window is extended until {V}.
    Christmas gifts can be exchanged until {V}.
    Extended returns: until {V}.
    Holiday purchases may be returned up to {V}.
    You can return festive gifts until {V}.
    """,
    """
    Can I return Christmas gifts later?
    Until when can I return holiday purchases?
    christmas returns?
    extended returns deadline
    Is there an extended return period over the holidays?
    gift returns until when
    when is the last day to return a christmas present
    holiday return policy
    How long can I return a gift?
    festive returns deadline
    """)

_company("loyalty_programme", "programme_name",
    "Loyalty programme | Loyalty program | Rewards | Membership | Customer club | Loyalty scheme",
    """
    runs a loyalty programme called {V}
    rewards regular customers through {V}
    has a membership scheme called {V}
    """,
    """
    Join {V}, our loyalty programme.
    Our customer club is called {V}.
    Members of {V} collect points on every order.
    Loyalty programme: {V}, free to join.
    Sign up for {V} and get early access to sales.
    Regular customers are rewarded through {V}.
    """,
    """
    Do you have a loyalty programme?
    What is your rewards program called?
    loyalty scheme?
    is there a membership
    How can I earn rewards?
    customer club?
    do you have a points card
    What's the name of your loyalty program?
    rewards program
    can i join a membership club
    """)

_company("loyalty_points_rate", "points_rate",
    "Points | Earning points | Points per order | Reward points | Points rate | Bonus points",
    """
    gives members {V}
    awards {V}
    rewards every order with {V}
    """,
    """
    Members earn {V}.
    You collect {V}.
    Points: {V}.
    With every purchase you earn {V}.
    Our loyalty members get {V}.
    Earning rate: {V}.
    """,
    """
    How many points do I get?
    How do I earn points?
    points per order?
    how many points per euro
    What is the points rate?
    reward points how many
    how fast do i collect points
    How are loyalty points calculated?
    points for each purchase
    how much do i earn in points
    """)

# --- services --------------------------------------------------------------------------------------------

_company("repair_cost", "price_mid",
    "Repair service | Repair cost | Repairs | Out-of-warranty repair | Service fee | Repair fee",
    """
    charges {V} for repairs
    repairs products out of warranty for {V}
    offers a repair service for {V}
    """,
    """
    Out-of-warranty repairs cost {V}.
    Our repair service is available for {V}.
    A standard repair costs {V} plus parts.
    Repair fee: {V}.
    We fix most faults for a flat fee of {V}.
    The service fee for a repair is {V}.
    """,
    """
    How much does a repair cost?
    What do you charge for repairs?
    repair cost?
    do you repair items out of warranty
    How much to fix my device?
    repair fee
    what does a repair cost after the warranty
    Is there a repair service?
    how expensive is a repair
    service fee for repairs
    """)

_company("warranty_registration", "duration_days",
    "Warranty registration | Product registration | Register your product | Extended warranty | Registration | Register",
    """
    asks customers to register products within {V}
    extends the warranty if you register within {V}
    accepts product registrations within {V}
    """,
    """
    Register your product within {V} of purchase to extend the warranty.
    Product registration must be completed within {V}.
    To get the extended warranty, register within {V}.
    Warranty registration: within {V} of delivery.
    Products registered within {V} get an extra year of cover.
    You have {V} to register your purchase.
    """,
    """
    How long do I have to register my product?
    When do I need to register for the warranty?
    warranty registration?
    is there a deadline to register
    How soon must I register my purchase?
    product registration deadline
    can i still register my product
    How do I get the extended warranty?
    registration period
    until when can i register
    """)

_company("extended_warranty_price", "price_mid",
    "Extended warranty | Warranty extension | Protection plan | Care plan | Extra cover | Extended guarantee",
    """
    sells extended warranties for {V}
    offers a protection plan for {V}
    extends the warranty for {V}
    """,
    """
    An extended warranty costs {V}.
    Our protection plan is available for {V}.
    You can extend your warranty for {V}.
    Extended guarantee: {V}.
    For {V}, you get extra years of cover.
    Add a care plan at checkout for {V}.
    """,
    """
    How much is an extended warranty?
    What does the protection plan cost?
    extended warranty price?
    can i buy extra warranty
    How much to extend the warranty?
    care plan cost
    is there a protection plan
    What's the price of extra cover?
    extended guarantee cost
    how much is the warranty extension
    """)

_company("cancellation_window", "duration_hours",
    "Order cancellation | Cancel an order | Cancellation window | Changing your order | Cancellations | Order changes",
    """
    lets customers cancel orders within {V}
    accepts cancellations within {V}
    allows order changes within {V}
    """,
    """
    Orders can be cancelled within {V} of purchase.
    You can change or cancel your order within {V}.
    Cancellation window: {V} after ordering.
    After {V}, your order is already being packed and can't be cancelled.
    We accept cancellations within {V}.
    Changed your mind? Cancel within {V}.
    """,
    """
    Can I cancel my order?
    How long do I have to cancel an order?
    order cancellation?
    can i change my order
    Until when can I cancel?
    cancel order time limit
    i ordered the wrong thing, can i cancel
    How do I cancel my order?
    cancellation window
    is it too late to cancel my order
    """)

_company("gift_wrapping", "fee",
    "Gift wrapping | Gift wrap | Gift packaging | Wrapping | Gift service | Gift box",
    """
    """,
    """
    Gift wrapping is {V}.
    We wrap your order as a gift; the service is {V}.
    Gift wrap: {V}.
    Gift packaging is {V} per item.
    Our gift service is {V}.
    Add gift wrapping at checkout; it is {V}.
    """,
    """
    Do you offer gift wrapping?
    How much is gift wrapping?
    gift wrap?
    can you wrap my order
    Is gift packaging available?
    gift wrap cost
    can i send it as a present
    Do you charge for gift wrapping?
    gift box price
    is gift wrapping free
    """)

# --- company facts -----------------------------------------------------------------------------------

_company("founded_year", "year",
    "Founded | Established | Since | Year founded | Founded in | History",
    """
    was founded in {V}
    was established in {V}
    has been in business since {V}
    started trading in {V}
    dates back to {V}
    """,
    """
    We were founded in {V}.
    The company was established in {V}.
    Family-run since {V}.
    Founded in {V}, we have grown into a team of specialists.
    We have been making products since {V}.
    Our story began in {V}.
    """,
    """
    When was the company founded?
    How long have you been in business?
    founded?
    when did you start
    What year was the company established?
    how old is the company
    since when do you exist
    When did the company begin?
    year founded
    how long have you been around
    """)

_company("founder", "person_name",
    "Founder | Founded by | Founders | Our founder | Company founder | Started by",
    """
    was founded by {V}
    was started by {V}
    was set up by {V}
    owes its existence to {V}
    """,
    """
    The company was founded by {V}.
    Our founder, {V}, started the business in a garage.
    {V} founded the company after years in the industry.
    Founded by {V}.
    It all started when {V} built the first prototype.
    {V} set up the company and still leads product design.
    """,
    """
    Who founded the company?
    Who is the founder?
    founder?
    who started the company
    Who set up the business?
    who created the brand
    founded by whom
    Who is behind the company?
    name of the founder
    who started it all
    """)

_company("ceo", "person_name",
    "CEO | Managing Director | Chief Executive | Management | Director | Leadership",
    """
    is led by {V}
    is run by {V}
    is managed by {V}
    has {V} as its CEO
    """,
    """
    Our CEO is {V}.
    The company is led by {V}.
    {V} has been our managing director since the company was restructured.
    Managing Director: {V}.
    {V} runs the company as chief executive.
    Under {V}, we have opened new stores across Europe.
    """,
    """
    Who is the CEO?
    Who runs the company?
    ceo?
    who is the managing director
    Who is in charge of the company?
    who leads the company
    name of the CEO
    Who is the boss?
    managing director name
    who is head of the company
    """)

_company("headquarters_city", "city",
    "Headquarters | Based in | Head office | Home | Location | HQ",
    """
    is based in {V}
    is headquartered in {V}
    has its head office in {V}
    operates from {V}
    calls {V} home
    """,
    """
    We are based in {V}.
    Our headquarters are in {V}.
    The company is headquartered in {V}.
    Designed and run from {V}.
    Our head office is in {V}.
    From our base in {V}, we ship across Europe.
    """,
    """
    Where is the company based?
    In which city are you headquartered?
    headquarters?
    where are you from
    In which city is your head office?
    which city is the company in
    where is the hq
    What city are you based in?
    company location
    which city are you in
    """)

_company("number_of_stores", "count_medium",
    "Stores | Number of stores | Shops | Locations | Branches | Retail stores",
    """
    runs {V} stores
    has {V} shops
    operates {V} stores
    has {V} branches
    """,
    """
    We have {V} stores.
    You'll find us in {V} shops.
    The company operates {V} stores.
    Stores: {V} across the country.
    Our products are sold in {V} of our own shops.
    With {V} branches, there's one near you.
    """,
    """
    How many stores do you have?
    How many shops are there?
    number of stores?
    how many branches do you have
    Do you have many shops?
    store count
    how many locations
    How many retail stores does the company run?
    how many shops do you operate
    are there many stores
    """)


# --- staff (generator edition 2): people by their role, often named in an apposition ----------
# Edition 1 draws company fields from COMPANY_FIELDS alone: kept apart so its lines stay the same bytes.
_EDITION1_COMPANY_FIELDS = len(COMPANY_FIELDS)

_company("support_manager", "person_name",
    "Head of customer service | Customer service manager | Support manager | Head of support | Customer care lead",
    """
    has {V} as its head of customer service
    puts {V} in charge of customer service
    """,
    """
    Our head of customer service, {V}, reads every complaint personally.
    Customer service is led by {V}.
    {V} heads our customer service team.
    If something went wrong, ask for {V}, our support manager.
    {V} looks after customer care and answers the hardest cases.
    Complaints go to {V}, who runs the support team.
    Meet {V}, the person behind our customer service.
    Head of customer service: {V}.
    """,
    """
    Who is the head of customer service?
    who runs customer support
    Who is in charge of customer service?
    name of the support manager
    who leads the support team?
    Who can I escalate a complaint to?
    who is the customer care lead
    Who manages customer support?
    """)

_company("store_manager", "person_name",
    "Store manager | Shop manager | Branch manager | Manager of the flagship store",
    """
    has {V} as its store manager
    lets {V} run its flagship store
    is represented in the shop by {V}
    """,
    """
    Our flagship store is managed by {V}.
    The store manager, {V}, is happy to arrange a private demonstration.
    {V} manages our shop and knows every product in it.
    Ask for {V}, our store manager, if you want to see a product before buying.
    Store manager: {V}.
    {V} has run the shop since it opened.
    """,
    """
    Who manages the store?
    Who is the store manager?
    name of the shop manager
    who runs the flagship store
    Who should I ask for in the shop?
    who is the branch manager
    Who is in charge of the shop?
    shop manager?
    """)

_company("head_of_design", "person_name",
    "Head of design | Lead designer | Design lead | Chief designer",
    """
    has {V} as its head of design
    lets {V} lead its design team
    relies on {V} for design
    """,
    """
    Every product is drawn by our head of design, {V}, and her small team.
    Our lead designer, {V}, joined us from the furniture trade.
    {V} leads the design team.
    Design is led by {V}.
    Head of design: {V}.
    Our products are designed under {V}.
    """,
    """
    Who designs the products?
    Who is the head of design?
    who is the lead designer
    name of the chief designer
    Who leads the design team?
    who is the design lead
    Who draws the products?
    head of design?
    """)

_company("training_manager", "person_name",
    "Training manager | Head of training | Director of studies | Workshop lead",
    """
    has {V} as its head of training
    lets {V} run its workshops
    relies on {V} for training
    """,
    """
    Our director of studies, {V}, plans every workshop and course.
    Workshops are run by our training manager, {V}.
    {V} is in charge of training and places every new participant in a group.
    Director of studies: {V}.
    Courses are planned by {V}.
    {V} runs our workshops and trains every new teacher.
    """,
    """
    Who is in charge of training?
    Who is the director of studies?
    who runs the workshops
    name of the training manager
    Who plans the courses?
    who is the head of training
    Who is in charge of the workshops?
    training manager?
    """)

PRODUCT_FIELDS = tuple(PRODUCT_FIELDS)
STAFF_FIELDS = tuple(COMPANY_FIELDS[_EDITION1_COMPANY_FIELDS:])
COMPANY_FIELDS = tuple(COMPANY_FIELDS[:_EDITION1_COMPANY_FIELDS])
ALL_FIELDS = PRODUCT_FIELDS + COMPANY_FIELDS + STAFF_FIELDS
FIELDS = {f.name: f for f in ALL_FIELDS}


# ---------------------------------------------------------------------------------------
# Categories: domain, ways to call the product, the fields that make sense for it, and
# optional per-category kind overrides (field name -> values kind) where the field's
# default kind would give implausible values (the weight of earbuds, the price of a car).
# ---------------------------------------------------------------------------------------

def _cat(domain, nouns, fields, kinds=None):
    return {"domain": domain, "nouns": _keys(nouns), "fields": tuple(fields.split()), "kinds": dict(kinds or {})}


CATEGORIES = {
    # kitchen
    "blender": _cat("kitchen", "blender | jug blender | high-speed blender | countertop blender | smoothie maker",
        "price weight dimensions capacity power number_of_speeds modes materials colours warranty cleaning "
        "cable_length noise_level replacement_blade_price included_accessories release_date model_number"),
    "espresso_machine": _cat("kitchen", "espresso machine | coffee machine | bean-to-cup machine | espresso maker | coffee maker",
        "price weight dimensions pump_pressure water_tank bean_hopper power heat_up_time descaling cleaning colours "
        "warranty number_of_programs filter_price filter_interval noise_level serial_number_location"),
    "kettle": _cat("kitchen", "kettle | electric kettle | water kettle | cordless kettle",
        "price capacity power colours materials warranty temperature_range heat_up_time cable_length descaling "
        "weight noise_level filter_interval dimensions"),
    "toaster": _cat("kitchen", "toaster | two-slice toaster | four-slice toaster | long-slot toaster",
        "price slots power colours materials warranty dimensions weight cable_length modes heat_settings cleaning "
        "release_date"),
    "air_fryer": _cat("kitchen", "air fryer | hot air fryer | air fryer oven | dual-basket air fryer",
        "price capacity power temperature_range number_of_programs max_timer dimensions weight colours cleaning "
        "warranty noise_level cable_length heat_up_time included_accessories"),
    "stand_mixer": _cat("kitchen", "stand mixer | kitchen machine | food mixer | kitchen mixer",
        "price power capacity number_of_speeds weight dimensions colours materials included_accessories warranty "
        "noise_level cleaning release_date"),
    # home appliances
    "cordless_vacuum": _cat("home", "cordless vacuum | stick vacuum | vacuum cleaner | cordless hoover | handheld vacuum",
        "price weight runtime charging_time suction_power dust_capacity battery_capacity filter_price "
        "filter_interval noise_level modes included_accessories spare_battery_price warranty colours cleaning"),
    "robot_vacuum": _cat("home", "robot vacuum | robot hoover | robotic vacuum cleaner | robot mop | vacuum robot",
        "price runtime charging_time suction_power dust_capacity water_tank coverage_area noise_level dimensions "
        "connectivity compatibility modes filter_price filter_interval reset_method battery_capacity warranty "
        "serial_number_location"),
    "washing_machine": _cat("home", "washing machine | washer | front loader | washer-dryer",
        "price drum_capacity spin_speed energy_rating energy_consumption water_consumption number_of_programs "
        "noise_level dimensions max_timer warranty colours connectivity weight serial_number_location",
        {"weight": "heavy_weight"}),
    "dishwasher": _cat("home", "dishwasher | built-in dishwasher | freestanding dishwasher | slimline dishwasher",
        "price place_settings energy_rating energy_consumption water_consumption number_of_programs noise_level "
        "dimensions max_timer warranty colours connectivity"),
    "air_purifier": _cat("home", "air purifier | air cleaner | HEPA purifier | room air purifier",
        "price coverage_area airflow noise_level filter_price filter_interval power modes dimensions weight "
        "connectivity compatibility max_timer warranty colours"),
    "fan_heater": _cat("home", "fan heater | space heater | electric heater | ceramic heater",
        "price power coverage_area heat_settings temperature_range noise_level max_timer weight dimensions "
        "cable_length plug_type warranty colours"),
    "dehumidifier": _cat("home", "dehumidifier | compressor dehumidifier | desiccant dehumidifier",
        "price water_tank coverage_area noise_level power energy_consumption modes max_timer weight dimensions "
        "filter_interval warranty"),
    # audio
    "headphones": _cat("audio", "headphones | over-ear headphones | wireless headphones | noise-cancelling headphones | headset",
        "price weight battery_life charging_time charging_port bluetooth_version wireless_range driver_size "
        "frequency_response microphones pairing_method reset_method colours materials warranty "
        "included_accessories compatibility release_date",
        {"weight": "weight_small"}),
    "earbuds": _cat("audio", "earbuds | wireless earbuds | true wireless earbuds | in-ear headphones | earphones",
        "price battery_life charging_time charging_port bluetooth_version water_resistance driver_size microphones "
        "pairing_method reset_method colours warranty included_accessories weight wireless_range release_date",
        {"weight": "weight_small"}),
    "bluetooth_speaker": _cat("audio", "Bluetooth speaker | portable speaker | wireless speaker | outdoor speaker",
        "price weight battery_life charging_time water_resistance power driver_size frequency_response "
        "wireless_range bluetooth_version charging_port pairing_method colours dimensions warranty"),
    "soundbar": _cat("audio", "soundbar | sound bar | TV speaker | home cinema soundbar",
        "price power dimensions weight connectivity number_of_ports frequency_response compatibility modes "
        "warranty colours release_date reset_method firmware_version"),
    # computing
    "laptop": _cat("computing", "laptop | notebook | ultrabook | laptop computer",
        "price weight screen_size resolution refresh_rate storage ram battery_life charging_time charging_power "
        "operating_system number_of_ports connectivity colours materials warranty release_date dimensions"),
    "monitor": _cat("computing", "monitor | display | computer monitor | gaming monitor | screen",
        "price screen_size resolution refresh_rate brightness number_of_ports connectivity power weight "
        "dimensions warranty colours release_date compatibility"),
    "keyboard": _cat("computing", "keyboard | wireless keyboard | mechanical keyboard | keyboard and mouse set",
        "price weight dimensions battery_life charging_time connectivity compatibility languages colours "
        "materials warranty pairing_method charging_port release_date cable_length"),
    "router": _cat("computing", "router | Wi-Fi router | mesh router | mesh system | wireless router",
        "price data_speed number_of_ports coverage_area connectivity bluetooth_version firmware_version "
        "reset_method power dimensions warranty compatibility release_date"),
    "external_ssd": _cat("computing", "external SSD | portable SSD | external drive | portable drive",
        "price storage data_speed weight dimensions connectivity compatibility warranty colours materials "
        "water_resistance",
        {"weight": "weight_small"}),
    # phones and wearables
    "smartphone": _cat("phones_wearables", "smartphone | phone | mobile phone | mobile | handset",
        "price screen_size resolution refresh_rate storage ram camera_resolution optical_zoom video_recording "
        "battery_capacity charging_power charging_time operating_system software_updates water_resistance "
        "weight colours release_date dimensions",
        {"weight": "weight_small"}),
    "smartwatch": _cat("phones_wearables", "smartwatch | smart watch | watch | GPS watch | sports watch",
        "price screen_size battery_life charging_time water_resistance strap_size compatibility connectivity "
        "weight colours materials operating_system warranty release_date reset_method pairing_method",
        {"weight": "weight_small"}),
    "fitness_tracker": _cat("phones_wearables", "fitness tracker | activity tracker | fitness band | tracker",
        "price battery_life charging_time water_resistance strap_size compatibility weight colours screen_size "
        "warranty reset_method release_date",
        {"weight": "weight_small"}),
    "tablet": _cat("phones_wearables", "tablet | tablet computer | slate | kids' tablet",
        "price screen_size resolution storage ram battery_life charging_time operating_system camera_resolution "
        "weight colours connectivity software_updates release_date dimensions"),
    "e_reader": _cat("phones_wearables", "e-reader | ebook reader | e-ink reader | reader",
        "price screen_size storage battery_life charging_time water_resistance weight brightness languages "
        "connectivity resolution colours warranty",
        {"weight": "weight_small"}),
    # cameras
    "mirrorless_camera": _cat("cameras", "mirrorless camera | camera | system camera | digital camera",
        "price camera_resolution video_recording screen_size battery_capacity weight dimensions connectivity "
        "water_resistance included_accessories warranty release_date firmware_version"),
    "action_camera": _cat("cameras", "action camera | action cam | sports camera | helmet camera",
        "price camera_resolution video_recording runtime water_resistance weight screen_size connectivity "
        "charging_time included_accessories warranty release_date battery_capacity",
        {"weight": "weight_small"}),
    "camera_lens": _cat("cameras", "lens | zoom lens | prime lens | camera lens",
        "price aperture focal_length weight dimensions compatibility warranty release_date materials "
        "included_accessories model_number"),
    # bicycles
    "e_bike": _cat("bicycles", "e-bike | electric bike | pedelec | electric bicycle | e-MTB",
        "price weight range top_speed motor_power torque battery_capacity charging_time wheel_size "
        "frame_material gears max_user_weight colours warranty spare_battery_price sizes release_date "
        "serial_number_location",
        {"price": "price_large"}),
    "city_bike": _cat("bicycles", "city bike | bike | bicycle | commuter bike | hybrid bike",
        "price weight wheel_size frame_material gears max_user_weight colours sizes seat_height warranty "
        "included_accessories assembly_time"),
    "kids_bike": _cat("bicycles", "kids' bike | children's bike | balance bike | kids bicycle",
        "price weight wheel_size age_range seat_height frame_material gears colours max_user_weight "
        "assembly_time warranty included_accessories"),
    # outdoor
    "tent": _cat("outdoor", "tent | camping tent | backpacking tent | dome tent | family tent",
        "price weight sleeping_capacity packed_size waterproof_rating dimensions materials colours assembly_time "
        "warranty included_accessories"),
    "sleeping_bag": _cat("outdoor", "sleeping bag | mummy sleeping bag | down sleeping bag | camping sleeping bag",
        "price weight comfort_temperature fill_material packed_size dimensions materials colours warranty "
        "wash_temperature sizes"),
    "backpack": _cat("outdoor", "backpack | rucksack | hiking pack | daypack | travel backpack",
        "price volume_capacity weight dimensions materials colours waterproof_rating warranty max_load sizes "
        "cleaning"),
    "headlamp": _cat("outdoor", "headlamp | head torch | headlight | running headlamp",
        "price brightness beam_distance battery_life charging_time water_resistance weight modes charging_port "
        "batteries_required colours warranty",
        {"weight": "weight_small"}),
    # furniture
    "office_chair": _cat("furniture", "office chair | desk chair | ergonomic chair | task chair",
        "price max_user_weight seat_height materials colours dimensions weight assembly_time warranty "
        "recline_positions included_accessories cleaning country_of_manufacture"),
    "standing_desk": _cat("furniture", "standing desk | sit-stand desk | height-adjustable desk | desk",
        "price dimensions height_range max_load materials colours weight assembly_time warranty noise_level "
        "country_of_manufacture cable_length"),
    "sofa": _cat("furniture", "sofa | couch | settee | corner sofa | sofa bed",
        "price dimensions materials colours seats weight assembly_time warranty cleaning "
        "country_of_manufacture max_load",
        {"price": "price_large"}),
    "bookshelf": _cat("furniture", "bookshelf | bookcase | shelving unit | shelf",
        "price dimensions max_load materials colours weight assembly_time warranty country_of_manufacture "
        "included_accessories"),
    # garden
    "lawn_mower": _cat("garden", "lawn mower | cordless mower | lawnmower | mower | robot mower",
        "price cutting_width cutting_height grass_box_capacity motor_power battery_capacity runtime "
        "charging_time weight noise_level voltage warranty replacement_blade_price "
        "spare_battery_price"),
    "hedge_trimmer": _cat("garden", "hedge trimmer | hedge cutter | cordless hedge trimmer",
        "price blade_length voltage battery_capacity runtime charging_time weight noise_level no_load_speed "
        "warranty replacement_blade_price"),
    "pressure_washer": _cat("garden", "pressure washer | jet washer | power washer | high-pressure cleaner",
        "price pump_pressure power flow_rate cable_length weight dimensions included_accessories warranty "
        "noise_level"),
    # toys
    "building_set": _cat("toys", "building set | construction set | brick set | model kit",
        "price piece_count age_range dimensions weight materials release_date country_of_manufacture "
        "assembly_time model_number"),
    "rc_car": _cat("toys", "RC car | remote-control car | radio-controlled car | RC truck",
        "price age_range top_speed runtime charging_time wireless_range batteries_required weight dimensions "
        "colours materials water_resistance warranty spare_battery_price"),
    "board_game": _cat("toys", "board game | family game | strategy game | card game",
        "price players age_range play_time languages dimensions weight release_date piece_count "
        "country_of_manufacture"),
    # software and subscription plans
    "cloud_storage_plan": _cat("software", "plan | cloud storage plan | storage plan | subscription",
        "plan_price storage_per_plan users_per_plan devices_per_plan free_trial cancellation_notice "
        "minimum_term compatibility languages file_size_limit version_history"),
    "team_workspace_plan": _cat("software", "plan | team plan | workspace plan | business plan | tier",
        "plan_price users_per_plan storage_per_plan free_trial cancellation_notice minimum_term compatibility "
        "languages file_size_limit version_history devices_per_plan"),
    "vpn_subscription": _cat("software", "VPN plan | VPN subscription | plan | subscription",
        "plan_price devices_per_plan free_trial cancellation_notice minimum_term compatibility languages "
        "data_speed server_countries users_per_plan"),
    "streaming_plan": _cat("software", "streaming plan | plan | subscription | membership",
        "plan_price devices_per_plan users_per_plan free_trial cancellation_notice minimum_term compatibility "
        "languages resolution storage_per_plan"),
    # fitness
    "treadmill": _cat("fitness", "treadmill | running machine | folding treadmill | walking pad",
        "price top_speed max_incline motor_power max_user_weight dimensions folded_dimensions weight "
        "number_of_programs screen_size connectivity noise_level warranty assembly_time",
        {"weight": "load"}),
    "exercise_bike": _cat("fitness", "exercise bike | indoor bike | spin bike | smart bike",
        "price resistance_levels max_user_weight dimensions weight number_of_programs screen_size connectivity "
        "seat_height noise_level warranty assembly_time compatibility"),
    "smart_scale": _cat("fitness", "smart scale | bathroom scale | body composition scale | scale",
        "price max_load battery_life batteries_required connectivity compatibility dimensions weight "
        "user_profiles colours warranty materials"),
    # baby
    "stroller": _cat("baby", "stroller | pushchair | pram | buggy | travel system",
        "price weight folded_dimensions dimensions max_child_weight age_range recline_positions wheel_size "
        "materials colours warranty included_accessories assembly_time cleaning"),
    "car_seat": _cat("baby", "car seat | child car seat | infant carrier | booster seat",
        "price weight max_child_weight age_range recline_positions dimensions materials colours warranty "
        "cleaning wash_temperature included_accessories"),
    "baby_monitor": _cat("baby", "baby monitor | video baby monitor | audio monitor | baby camera",
        "price wireless_range screen_size battery_life charging_time resolution connectivity compatibility "
        "warranty included_accessories reset_method"),
    "high_chair": _cat("baby", "high chair | highchair | feeding chair | baby chair",
        "price weight dimensions folded_dimensions max_child_weight age_range recline_positions materials "
        "colours cleaning assembly_time warranty"),
    # tools
    "cordless_drill": _cat("tools", "cordless drill | drill driver | combi drill | impact driver | drill",
        "price voltage torque no_load_speed chuck_size battery_capacity charging_time weight number_of_speeds "
        "included_accessories warranty spare_battery_price noise_level dimensions"),
    "circular_saw": _cat("tools", "circular saw | plunge saw | track saw | saw",
        "price power no_load_speed blade_length cutting_depth weight cable_length replacement_blade_price "
        "warranty noise_level included_accessories voltage",
        {"blade_length": "small_length"}),
    # clothing and shoes
    "rain_jacket": _cat("clothing", "rain jacket | waterproof jacket | shell jacket | raincoat",
        "price sizes materials colours waterproof_rating weight wash_temperature warranty "
        "country_of_manufacture cleaning",
        {"weight": "weight_small"}),
    "running_shoes": _cat("clothing", "running shoes | trainers | running trainers | sneakers | trail shoes",
        "price sizes weight heel_drop materials colours warranty release_date country_of_manufacture cleaning "
        "wash_temperature",
        {"weight": "weight_small"}),
    "wool_sweater": _cat("clothing", "sweater | jumper | merino jumper | knit | pullover",
        "price sizes materials colours wash_temperature weight country_of_manufacture cleaning warranty "
        "release_date",
        {"weight": "weight_small"}),
    # beauty
    "hair_dryer": _cat("beauty", "hair dryer | hairdryer | blow dryer | travel hair dryer",
        "price power heat_settings number_of_speeds cable_length weight included_accessories noise_level "
        "colours warranty max_temperature plug_type cleaning filter_interval"),
    "electric_toothbrush": _cat("beauty", "electric toothbrush | sonic toothbrush | toothbrush | rechargeable toothbrush",
        "price battery_life charging_time modes replacement_head_price water_resistance colours warranty "
        "included_accessories weight compatibility charging_port",
        {"weight": "weight_small"}),
    "shaver": _cat("beauty", "shaver | electric shaver | razor | foil shaver | trimmer",
        "price runtime charging_time replacement_head_price water_resistance cleaning colours warranty "
        "included_accessories charging_port weight",
        {"weight": "weight_small"}),
    "hair_straightener": _cat("beauty", "hair straightener | flat iron | straightener | styler",
        "price max_temperature temperature_range heat_up_time heat_settings cable_length plug_type colours "
        "materials warranty weight included_accessories",
        {"weight": "weight_small"}),
    # vehicles
    "e_scooter": _cat("vehicles", "e-scooter | electric scooter | kick scooter | scooter",
        "price weight range top_speed motor_power battery_capacity charging_time wheel_size max_user_weight "
        "folded_dimensions water_resistance colours warranty spare_battery_price age_range"),
    "electric_car": _cat("vehicles", "electric car | EV | car | electric SUV | hatchback",
        "price range acceleration top_speed battery_capacity charging_time charging_power boot_capacity seats "
        "towing_capacity weight dimensions warranty colours release_date motor_power",
        {"price": "price_large", "weight": "heavy_weight"}),
}

DOMAINS = tuple(sorted({c["domain"] for c in CATEGORIES.values()}))

# Category nouns that are grammatically plural ("the Orla earbuds are ..."). Clauses and
# sentences are written for a singular subject, so a renderer should not use these nouns as
# the subject {S} of a clause or sentence (the product name alone, or "the <name> <singular
# noun>", works); they are fine in questions and headings.
PLURAL_NOUNS = frozenset((
    "earbuds", "wireless earbuds", "true wireless earbuds", "in-ear headphones", "earphones",
    "headphones", "over-ear headphones", "wireless headphones", "noise-cancelling headphones",
    "running shoes", "trainers", "running trainers", "sneakers", "trail shoes",
))


def field_kind(field, category=None) -> str:
    """The values kind of a field, with the category's override if it has one."""
    f = FIELDS[field] if isinstance(field, str) else field
    if category is not None:
        cat = CATEGORIES[category] if isinstance(category, str) else category
        return cat.get("kinds", {}).get(f.name, f.kind)
    return f.kind


# ---------------------------------------------------------------------------------------
# Self-check
# ---------------------------------------------------------------------------------------

MIN_PRODUCT_FIELDS = 90
MIN_COMPANY_FIELDS = 35
MIN_CATEGORIES = 40
MIN_DOMAINS = 12
MIN_KEYS = 4
MIN_CLAUSES = 4
MIN_SENTENCES = 5
MIN_SENTENCES_FEW_CLAUSES = 6
MIN_QUESTIONS = 8
CATEGORY_FIELDS = (10, 20)

# Digit sequences a question may contain (fixed terms, never a value).
_QUESTION_DIGIT_TERMS = ("0-100", "0-60", "0 to 100", "100 km/h")

# Value kind -> word lists whose items a question of such a field must not mention.
_VALUE_WORDS = {
    "country": (COUNTRIES,), "country_list": (DELIVERY_COUNTRIES,), "colour": (COLOURS,),
    "colour_list": (COLOURS,), "material": (MATERIALS,), "material_list": (MATERIALS,),
    "frame_material": (FRAME_MATERIALS,), "language": (LANGUAGES,), "language_list": (LANGUAGES,),
    "payment_methods": (PAYMENT_METHODS,), "city": (CITIES,),
}


def _placeholders(template: str) -> list:
    return [name for _, name, _, _ in string.Formatter().parse(template) if name is not None]


def check_fields(fields) -> list:
    """Problems with the phrasings of these fields (see the conventions above)."""
    import re

    from . import values

    problems = []

    def bad(msg):
        problems.append(msg)

    value_res = {}
    for kind, lists in _VALUE_WORDS.items():
        words = sorted({w.lower() for lst in lists for w in lst}, key=len, reverse=True)
        value_res[kind] = re.compile(r"\b(" + "|".join(re.escape(w) for w in words) + r")\b")

    for f in fields:
        where = f"field {f.name}"
        if f.scope not in ("product", "company"):
            bad(f"{where}: scope {f.scope!r}")
        if f.kind not in values.KINDS:
            bad(f"{where}: unknown kind {f.kind!r}")
        company = f.scope == "company"
        if len(f.keys) < MIN_KEYS:
            bad(f"{where}: {len(f.keys)} keys (< {MIN_KEYS})")
        if len(f.questions) < MIN_QUESTIONS:
            bad(f"{where}: {len(f.questions)} questions (< {MIN_QUESTIONS})")
        if company and len(f.clauses) < MIN_CLAUSES:
            if len(f.sentences) < MIN_SENTENCES_FEW_CLAUSES:
                bad(f"{where}: {len(f.clauses)} clauses and only {len(f.sentences)} sentences")
        else:
            if len(f.clauses) < MIN_CLAUSES:
                bad(f"{where}: {len(f.clauses)} clauses (< {MIN_CLAUSES})")
            if len(f.sentences) < MIN_SENTENCES:
                bad(f"{where}: {len(f.sentences)} sentences (< {MIN_SENTENCES})")
        for group in ("keys", "clauses", "sentences", "questions"):
            items = getattr(f, group)
            if len(set(items)) != len(items):
                bad(f"{where}: duplicate {group}")
            for t in items:
                if t != t.strip() or not t:
                    bad(f"{where}: {group} entry {t!r} has stray spaces")
                if not values.is_clean(t):
                    bad(f"{where}: {group} entry {t!r} has characters outside the allowed set")
        for t in f.keys:
            if "{" in t or "}" in t:
                bad(f"{where}: key {t!r} has a placeholder")
        for t in f.clauses:
            ph = _placeholders(t)
            if set(ph) - {"V"}:
                bad(f"{where}: clause {t!r} has placeholders other than {{V}}")
            if ph.count("V") != 1:
                bad(f"{where}: clause {t!r} needs exactly one {{V}}")
        for t in f.sentences:
            ph = _placeholders(t)
            if set(ph) - {"S", "V"}:
                bad(f"{where}: sentence {t!r} has placeholders other than {{S}}/{{V}}")
            if ph.count("V") != 1:
                bad(f"{where}: sentence {t!r} needs exactly one {{V}}")
            if company and "S" in ph:
                bad(f"{where}: company sentence {t!r} has {{S}}")
            if not company and "S" not in ph:
                bad(f"{where}: product sentence {t!r} lacks {{S}}")
            if t[-1] not in ".!?":
                bad(f"{where}: sentence {t!r} does not end with punctuation")
        for t in f.questions:
            ph = _placeholders(t)
            if set(ph) - {"s"}:
                bad(f"{where}: question {t!r} has placeholders other than {{s}}")
            if company and ph:
                bad(f"{where}: company question {t!r} has {{s}}")
            if not company and ph.count("s") != 1:
                bad(f"{where}: product question {t!r} needs exactly one {{s}}")
            rest = t
            for term in _QUESTION_DIGIT_TERMS:
                rest = rest.replace(term, "")
            if re.search(r"\d", rest):
                bad(f"{where}: question {t!r} contains a number")
            m = value_res[f.kind].search(t.replace("{s}", "").lower()) if f.kind in value_res else None
            if m:
                bad(f"{where}: question {t!r} mentions a possible value {m.group(0)!r}")
    return problems


def check_shared_questions(groups, fields) -> list:
    """A question shared by two fields that can appear in the same document would be ambiguous:
    groups are (name, field names), fields maps a name to its Field."""
    import re

    problems = []

    def bad(msg):
        problems.append(msg)

    def norm(q):
        return re.sub(r"[^a-z0-9{} ]", "", q.lower()).strip()

    reported = set()
    for gname, fnames in groups:
        known = [fields[fn] for fn in fnames if fn in fields]
        for i, a in enumerate(known):
            qa = {norm(q) for q in a.questions}
            for b in known[i + 1:]:
                for q in sorted(qa & {norm(q) for q in b.questions}):
                    if (a.name, b.name, q) not in reported:
                        reported.add((a.name, b.name, q))
                        bad(f"{gname}: fields {a.name} and {b.name} share the question {q!r}")
    return problems


def check_lexicon() -> list:
    """Problems with the lexicon as a list of strings; empty when everything is fine."""
    from . import values

    problems = []

    def bad(msg):
        problems.append(msg)

    if len(PRODUCT_FIELDS) < MIN_PRODUCT_FIELDS:
        bad(f"only {len(PRODUCT_FIELDS)} product fields (< {MIN_PRODUCT_FIELDS})")
    if len(COMPANY_FIELDS) < MIN_COMPANY_FIELDS:
        bad(f"only {len(COMPANY_FIELDS)} company fields (< {MIN_COMPANY_FIELDS})")
    names = [f.name for f in ALL_FIELDS]
    for n in sorted({n for n in names if names.count(n) > 1}):
        bad(f"duplicate field name {n}")

    problems += check_fields(ALL_FIELDS)

    if len(CATEGORIES) < MIN_CATEGORIES:
        bad(f"only {len(CATEGORIES)} categories (< {MIN_CATEGORIES})")
    if len(DOMAINS) < MIN_DOMAINS:
        bad(f"only {len(DOMAINS)} domains (< {MIN_DOMAINS})")
    product_names = {f.name for f in PRODUCT_FIELDS}
    for name, cat in CATEGORIES.items():
        where = f"category {name}"
        if set(cat) != {"domain", "nouns", "fields", "kinds"}:
            bad(f"{where}: keys {sorted(cat)}")
        if not cat["nouns"]:
            bad(f"{where}: no nouns")
        fields = cat["fields"]
        lo, hi = CATEGORY_FIELDS
        if not lo <= len(fields) <= hi:
            bad(f"{where}: {len(fields)} fields (not {lo}-{hi})")
        if len(set(fields)) != len(fields):
            bad(f"{where}: duplicate fields")
        for fn in fields:
            if fn not in product_names:
                bad(f"{where}: unknown product field {fn!r}")
        for fn, kind in cat["kinds"].items():
            if fn not in fields:
                bad(f"{where}: kind override for {fn!r}, which it does not use")
            if kind not in values.KINDS:
                bad(f"{where}: kind override {fn!r} -> unknown kind {kind!r}")
    groups = [(name, cat["fields"]) for name, cat in CATEGORIES.items()]
    groups.append(("company", tuple(f.name for f in COMPANY_FIELDS + STAFF_FIELDS)))
    problems += check_shared_questions(groups, FIELDS)

    all_nouns = {n for cat in CATEGORIES.values() for n in cat["nouns"]}
    for n in sorted(PLURAL_NOUNS - all_nouns):
        bad(f"plural noun {n!r} is no category's noun")
    used = {fn for cat in CATEGORIES.values() for fn in cat["fields"]}
    for fn in sorted(product_names - used):
        bad(f"product field {fn} is used by no category")
    return problems
