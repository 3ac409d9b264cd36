namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

internal static class ItalianLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Acqua
            "allag*",
            "inond*",
            "sott|sotto acqua",
            "acqua ~ ovunque|dappertutto|dovunque",
            "entra|cade|scende|esce|piove|gocciola|filtra ~ soffitto|tetto",
            "soffitto ~ crollat*|crolla|cede|ceduto|gonfio",
            "tubo|tubi|tubatura|tubature|tubazione|tubazioni ~ scoppiat*|esplos*",
            "scoppiat*|scoppio|esplos* ~ tubo|tubi|tubatura|tubature|tubazione|tubazioni",
            // Gas
            "fuga|fughe|perdita|perdite ~ gas",
            "odore|puzza|sento|sentiamo ~ gas",
            "gas ~ perde|esce|fuoriesce|fuga",
            "perde|perdono gas",
            // Fuoco, fumo, elettricità
            "fuoco|incendio|incendi|fiamme|fiamma",
            "brucia|bruciando|bruciano",
            "odore|puzza ~ bruciato|bruciata|bruciando",
            "fumo|fuma|fumano",
            "scintille|scintilla|scintillano",
            "scossa|scosse|folgorat*",
            "cortocircuito",
            "esplosione|esploso|esplosa",
            "monossido",
            "rilevatore|rilevatori|allarme|allarmi|sensore ~ fumo|monossido|incendio|co ~ suona|suonano|scattato|scattata|bip*",
            // Fogna
            "liquami",
            "rigurgit*",
            "fogna|fognatura|fognature|scarico|scarichi ~ trabocc*|esce|risale|risalgono",
            // Senza riscaldamento con il gelo
            "senza|niente riscaldamento + gel*|ghiacci*|congel*|sotto zero",
            "riscaldamento|caldaia ~ non funziona|rotta|guasta + gel*|ghiacci*|congel*",
            // Senza riscaldamento con una persona fragile in casa, o con il gelo
            "senza|niente riscaldamento + neonato|neonata|neonati|bambino|bambina|bambini|anziano|anziana|anziani|nonna|nonno|malato|malata|malati|disabile|incinta",
            "riscaldamento|caldaia ~ rotto|rotta|guasto|guasta|spento|spenta|funziona|fermo|ferma|morto|morta + neonato|neonata|neonati|bambino|bambina|bambini|anziano|anziana|anziani|nonna|nonno|malato|malata|malati|disabile|incinta",
            "senza|niente riscaldamento + gel*|zero|congel*|ghiacci*",
            "riscaldamento|caldaia ~ rotto|rotta|guasto|guasta|spento|spenta|funziona|fermo|ferma|morto|morta + gel*|zero|congel*|ghiacci*",
            // Acqua che si sparge per la casa
            "acqua + sparg*|spand*|allarg*|propag*|invade|invadendo",
            "acqua ~ arriva|arrivata|entra|entrando|scorre|passa ~ salotto|soggiorno|corridoio|camera|camere|stanza|stanze|cucina|altre|vicini|vicino|scale",
            "trabocc* + salotto|soggiorno|corridoio|camera|camere|stanza|stanze",
            "emergenza",
        ],
        High =
        [
            "perdita|perdite|perde|perdono",
            "gocciola|gocciolano|gocciolamento",
            "infiltrazione|infiltrazioni",
            "intasat*",
            "otturat*",
            "ostruit*",
            "bloccat*",
            "rotto|rotta|rotti|rotte",
            "guasto|guasta|guasti|guaste",
            "non funziona|funzionano|parte|scarica|scalda|riscalda|accende|tira",
            "non si accende|avvia",
            "smesso ~ funzionare",
            "senza|niente acqua calda",
            "manca|mancano acqua calda",
            "non ho|abbiamo acqua calda",
            "senza|niente riscaldamento|corrente|luce|elettricita",
            "trabocc*|straripa",
            "urgente|urgenza",
        ],
        Harmless =
        [
            "prevenzione|sicurezza|certificato|certificazione|porta|porte|allarme|allarmi|rilevatore|rilevatori|estintore|estintori|uscita|uscite|rischio|assicurazione antincendio|incendi|incendio",
            "rilevatore|rilevatori|sensore|sensori|allarme|allarmi di fumo|monossido|fughe",
            "prevenire|evitare ~ allagamenti|allagamento|perdite|incendi",
            "servizio|servizi|numero|reperibilita|tariffa|tariffe|intervento|interventi di emergenza",
            "caso di emergenza",
            "fornello|fornelli|cucina|cucine|caldaia|caldaie|stufa|stufe|bolletta|bollette|piano|impianto|impianti|contatore|contatori|camino|camini|forno|forni|boiler gas",
            "fornello|fornelli|cucina|cucine|caldaia|caldaie|stufa|stufe|bolletta|bollette|piano|impianto|impianti|contatore|contatori|camino|camini|forno|forni|boiler di|del|al gas",
            "ricerca|rilevamento perdite",
        ],
        Negations = ["non", "nessun", "nessuna", "nessuno", "niente", "nulla", "mai", "senza"],
        NegationExceptions =
        [
            "non smette|smettono|riesco|riusciamo|so|sappiamo|sono|solo",
            "non si ferma|fermano",
            "senza sosta",
        ],
        PastCues =
        [
            "anno|mese|settimana|inverno|estate scorso|scorsa",
            "anni|mesi|settimane fa",
        ],
        ResolvedCues =
        [
            "stato|stata|stati|state|gia riparat*|risolt*|spent*|sistemat*",
        ],
        ClauseBreaks = ["ma", "pero", "tuttavia"],
    };
}
