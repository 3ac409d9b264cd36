namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

/// <summary>German; compounds are caught by open patterns ("*rohrbruch*" finds "Wasserrohrbruch").</summary>
internal static class GermanLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Wasser
            "*uberschwemm*",
            "*uberflut*",
            "hochwasser",
            "unter wasser",
            "wasser ~ uberall",
            "*rohrbruch*",
            "*rohr|*rohre|*leitung|*leitungen ~ geplatzt|geborsten|platzt|explodiert",
            "geplatzt|geborsten ~ *rohr|*rohre|*leitung|*leitungen",
            "wasser ~ kommt|tropft|lauft|stromt|dringt ~ decke",
            "decke ~ eingesturzt|sturzt|bricht|durchgebrochen",
            // Gas
            "riecht|rieche|riechen|geruch ~ gas",
            "*gasgeruch*",
            "*gasleck*",
            "*gasaustritt*",
            "gas ~ leck|leckt|stromt|entweicht|tritt",
            // Feuer, Rauch, Strom
            "feuer|brand|flammen|flamme",
            "es brennt",
            "brennt es",
            "*brandgeruch*",
            "riecht|rieche|geruch ~ verbrannt|verschmort|verkohlt|brand",
            "verschmort|verschmorte|verschmortes",
            "rauch|raucht|qualm|qualmt|qualmen",
            "funken|funkt|funkenflug",
            "stromschlag|stromschlage",
            "elektrischen|elektrischer schlag",
            "explosion|explodiert",
            "kohlenmonoxid|kohlenmonoxidvergiftung",
            "*melder|alarm ~ piept|piepst|schlagt|losgegangen|ausgelost|heult",
            // Abwasser
            "*ruckstau*",
            "abwasser|kanal|kanalisation|jauche|fakalien ~ kommt|kommen|steigt|drucken|uberall|hoch|lauft",
            // Keine Heizung bei Frost
            "kein|keine heizung|warme + frost*|minus|eiskalt|gefr*|friert|frieren",
            "heizung|therme|kessel ~ ausgefallen|kaputt|tot + frost*|minus|eiskalt|gefr*|friert|frieren",
            // Keine Heizung mit gefährdeten Menschen im Haus, oder bei strengem Frost
            "kein|keine|ohne heizung|warme + baby|babys|saugling|neugeboren*|alte|alter|alten|oma|opa|grossmutter|grossvater|senior|seniorin|senioren|krank|kranke|kranker|behindert*|schwanger|kinder|kind|pflegebedurftig*",
            "heizung|therme|kessel ~ ausgefallen|kaputt|tot|aus|defekt|geht + baby|babys|saugling|neugeboren*|alte|alter|alten|oma|opa|grossmutter|grossvater|senior|seniorin|senioren|krank|kranke|kranker|behindert*|schwanger|kinder|kind|pflegebedurftig*",
            "kein|keine|ohne heizung|warme + null|minusgrade|eisig",
            "heizung|therme|kessel ~ ausgefallen|kaputt|tot|aus|defekt|geht + null|minusgrade|eisig",
            // Wasser breitet sich in der Wohnung aus
            "wasser + breitet|verteilt|ausgebreitet|verbreitet",
            "wasser ~ lauft|flie*|dringt|kommt|steht ~ *zimmer|flur|diele|kuche|wohnung|ganze|anderen|nachbar*|treppenhaus",
            "ubergelaufen + *zimmer|flur|diele|wohnung",
            "notfall",
        ],
        High =
        [
            "leck|lecks|leckt|undicht|undichte",
            "tropft|tropfen|tropfende|tropfender",
            "*verstopf*",
            "kaputt|defekt|gebrochen|ausgefallen",
            "funktioniert|funktionieren|lauft|laufen|heizt|heizen|springt|startet|zundet|spult|ablauft nicht",
            "kein|keine warmes|heisses wasser",
            "kein|keine warmwasser|heisswasser|strom|heizung",
            "*uberlauf*",
            "ubergelaufen",
            "lauft|laufen uber",
            "dringend",
        ],
        Harmless =
        [
            "rauch|kohlenmonoxid|co melder|warnmelder",
            "notfall dienst|service|nummer|telefon",
            "im|fur notfall",
            "gas herd|herde|therme|thermen|heizung|rechnung|zahler|preis|preise",
            "hochwasser schutz|versicherung|gebiet",
        ],
        Negations = ["kein", "keine", "keinen", "keinem", "keiner", "keines", "nicht", "nie", "niemals", "ohne", "nichts", "weder"],
        NegationExceptions =
        [
            "nicht sicher|nur|auf",
            "weiss|wissen nicht",
        ],
        PastCues =
        [
            "letztes|letzten|letzte|vergangenes|vergangenen|vergangene jahr|monat|woche|winter|sommer|mal",
            "vor ~ jahren|monaten|wochen|jahr|monat",
        ],
        ResolvedCues =
        [
            "ist|wurde|sind|wurden|schon|bereits ~ repariert|behoben|geloscht|gestoppt|erledigt",
        ],
        ClauseBreaks = ["aber", "jedoch", "doch", "sondern", "obwohl", "trotzdem"],
    };
}
