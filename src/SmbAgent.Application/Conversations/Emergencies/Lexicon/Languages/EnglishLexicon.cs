namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

/// <summary>English; also matched in every other conversation language.</summary>
internal static class EnglishLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Water
            "flood|floods|flooded|flooding",
            "under water",
            "underwater",
            "water ~ everywhere|pouring|gushing|spraying|streaming|shooting|spurting",
            "filling|filled|full ~ with|of water",
            "pouring|gushing|spraying|streaming|coming|flowing|raining|running ~ through|from ~ ceiling|ceilings|roof|light",
            "ceiling|ceilings ~ pouring|gushing|raining|collapsing|collapsed|caving|sagging|bulging|falling",
            "burst|bursting|busted|ruptured|exploded pipe|pipes|main|mains",
            "pipe|pipes|main|mains ~ burst|busted|ruptured|exploded",
            "has|have|had|just burst|ruptured",
            "water main ~ broke|broken|break",
            // Gas
            "gas ~ leak*|smell*|odor|odors|odour|odours|hissing",
            "leak*|smell*|smelt|odor|odour|reek* ~ gas",
            "rotten egg|eggs",
            // Fire, smoke, electricity
            "fire|fires|flames|flame|ablaze",
            "smoke|smoking|smoky",
            "spark|sparks|sparking|sparked|sparky",
            "burning|burnt|burned smell|smells|odor|odour",
            "smell*|smelt|odor|odour ~ burning|burnt|burned|smoke|melting|scorched",
            "burning|melting|melted|scorched|charred ~ wire|wires|wiring|plastic|rubber|outlet|outlets|socket|sockets|plug|panel|breaker",
            "outlet|outlets|socket|sockets|plug|panel|breaker|switch|wire|wires|wiring ~ melting|melted|scorched|charred|burning",
            "electric|electrical shock|shocks|shocked",
            "electrocuted|electrocution",
            "explosion|exploded|explode|exploding",
            // Carbon monoxide and alarms
            "monoxide",
            "monoxide|co|smoke|fire alarm|alarms|detector|detectors ~ off|sounding|triggered|beeping|ringing|screaming",
            // Sewage
            "sewage|sewer ~ back|backing|backed|backs|overflow*|coming|rising|spill*|leak*|everywhere|pouring|flooding",
            "raw sewage",
            // No heat in freezing weather
            "no|lost|losing heat|heating + freez*|frozen|subzero|minus",
            "no|lost|losing heat|heating + below zero",
            "heat|heating|furnace|boiler ~ dead|died|broken|out|failed|stopped + freez*|frozen|subzero|minus",
            // No heat with someone at risk at home, or in bitter cold
            "no|lost|losing|without heat|heating + baby|babies|newborn|infant|toddler|elderly|disabled|sick|ill|pregnant|kids|children|child|oxygen|wheelchair|frail|vulnerable",
            "heat|heating|furnace|boiler|heater ~ dead|died|broken|broke|quit|out|failed|stopped|packed|gone|off|down|working + baby|babies|newborn|infant|toddler|elderly|disabled|sick|ill|pregnant|kids|children|child|oxygen|wheelchair|frail|vulnerable",
            "no|lost|losing|without heat|heating + below|icy",
            "heat|heating|furnace|boiler|heater ~ dead|died|broken|broke|quit|out|failed|stopped|packed|gone|off|down|working + below|icy",
            "heat|heating|furnace|boiler|heater ~ dead|died|broken|broke|quit|out|failed|stopped|packed|gone|off|down|working + month|months|week|weeks|year|years old",
            "heat|heating|furnace|boiler|heater ~ dead|died|broken|broke|quit|out|failed|stopped|packed|gone|off|down|working + ice cold",
            "no|lost|losing|without heat|heating + ice cold",
            // Water spreading through the home
            "water + spreading|spread|spreads|seeping|creeping",
            "water ~ into|under|through|across|reaching|reached|reaches ~ room|rooms|hallway|hall|bedroom|bedrooms|living|lounge|kitchen|door|downstairs|apartment|flat|house|carpet|carpets|neighbour|neighbor|neighbours|neighbors",
            "overflow*|overflowed ~ into|reaching|reached ~ room|rooms|hallway|hall|bedroom|bedrooms|living|lounge|kitchen|downstairs",
            "other|next|adjacent|neighbouring|neighboring room|rooms + water",
            "emergency",
        ],
        High =
        [
            "leak|leaks|leaking|leaked|leaky|leakage",
            "drip|drips|dripping",
            "clog|clogs|clogged|clogging",
            "blocked|blockage",
            "backed|backing up",
            "jammed",
            "broken|broke",
            "not work|working|functioning|running|starting|heating|cooling|draining|flushing|igniting",
            "stopped|quit ~ working|heating|cooling|running|draining",
            "not turn|switch|come|kick on",
            "not drain|flush|start|heat|cool|ignite|light",
            "no hot water",
            "no running water",
            "no water pressure",
            "not have|get ~ hot water",
            "without hot water|heat|heating|power|electricity",
            "no heat|heating|ac|cooling|power|electricity",
            "lost|losing heat|heating|power|hot water",
            "slow|slowly ~ drain|drains|draining",
            "drain|drains|draining ~ slow|slowly",
            "blowing warm|hot air",
            "lukewarm",
            "overflow|overflows|overflowing|overflowed",
            "frozen|froze pipe|pipes",
            "pipe|pipes ~ frozen|froze",
            "breaker|breakers|fuse|fuses ~ tripping|tripped|trips|blown|blew",
            "keeps|keep ~ tripping|running|beeping|shutting|cutting",
            "power outage",
            "urgent|urgently",
        ],
        Harmless =
        [
            "fire safety|prevention|extinguisher|extinguishers|door|doors|rated|rating|pit|pits|code|codes|inspection|inspections|certificate|certificates|certification|department|brigade|service|station|marshal|insurance|escape|exit|exits|drill|drills|risk|stop|stopping|proof|proofing|resistant|sprinkler|sprinklers|hydrant|alarm|alarms|wall|walls|wood|logs|starter|starters",
            "smoke alarm|alarms|detector|detectors|test|tests|testing|free",
            "monoxide|co detector|detectors|alarm|alarms|sensor|sensors|tester|testers|test|testing",
            "spark plug|plugs",
            "flood zone|zones|insurance|risk|light|lights|lighting|barrier|barriers|vent|vents|plain|map|protection|prevention|control|defense|defence|sensor|sensors|alarm|alarms",
            "prevent|prevents|preventing|prevention|avoid|avoiding ~ flood|floods|flooding|leak|leaks|leaking|fire|fires|freezing",
            "leak detection|detector|detectors|sensor|sensors|test|tests|testing",
            "emergency service|services|call|calls|callout|callouts|rate|rates|fee|fees|number|line|hours|plumber|plumbers|electrician|electricians|repair|repairs|visit|visits|appointment|appointments|charge|charges|cover|coverage|response|shutoff|valve|plan|plans|contact|contacts|lighting|lights",
            "case of emergency",
            "case of an emergency",
            "gas stove|stoves|oven|ovens|range|ranges|cooktop|cooktops|hob|hobs|fireplace|fireplaces|grill|grills|dryer|dryers|heater|heaters|boiler|boilers|furnace|furnaces|appliance|appliances|bill|bills|meter|meters|safety|certificate|engineer|engineers|fitter|fitters|station|price|prices",
        ],
        Negations = ["no", "not", "never", "without", "none", "nothing", "neither", "nor", "cannot"],
        NegationExceptions =
        [
            "not|cannot stop|stopping|sure|only|just|know|get|make|help|seem|tell|figure|find|turn|shut|close|reach|wait",
            "no idea|clue|matter|doubt|way",
        ],
        PastCues =
        [
            "ago",
            "last year|month|months|week|weeks|winter|summer|spring|autumn|fall|time",
            "in the past",
            "fixed|repaired|sorted|stopped the|our|my",
        ],
        ResolvedCues =
        [
            "anymore",
            "any more",
            "no longer",
            "was|been|got|is|are|were|now fixed|repaired|resolved|sorted|extinguished",
            "has|have stopped",
            "is|was out now",
        ],
        ClauseBreaks = ["but", "however", "although", "though", "except", "anyway"],
    };
}
