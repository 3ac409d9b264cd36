namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

/// <summary>Portuguese, Brazilian and European spellings.</summary>
internal static class PortugueseLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Água
            "inund*",
            "alag*",
            "debaixo ~ agua",
            "agua ~ toda parte|todo lado|todos lados",
            "caindo|entrando|escorrendo|jorrando|escorre|cai|entra|jorra ~ teto|tecto|forro",
            "teto|tecto|forro ~ desab*|caindo|caiu|cedendo|cedeu",
            "cano|canos|tubo|tubos|tubulacao|encanamento|canalizacao ~ estour*|rebent*|explod*",
            "estour*|rebent*|explod* ~ cano|canos|tubo|tubos|tubulacao|encanamento|canalizacao",
            // Gás
            "vazamento|vazamentos|fuga|fugas ~ gas",
            "cheiro|cheira|cheirando|sinto|sentimos ~ gas",
            "gas ~ vazando|vaza|escapando|escapa",
            "vazando|vaza gas",
            // Fogo, fumaça, eletricidade
            "fogo|incendio|incendios|chamas|labareda|labaredas",
            "queimando|queima",
            "cheiro|cheira ~ queimado|queimando",
            "fumaca|fumo|fumegando",
            "faisca|faiscas|faiscando|faiscou|faiscar|faisqueira",
            "choque|choques eletrico|eletricos",
            "eletrocut*",
            "curto circuito",
            "explosao|explodiu|explodir",
            "monoxido",
            "detector|detectores|alarme|alarmes|sensor ~ fumaca|fumo|monoxido|incendio|co ~ tocando|toca|apitando|apita|disparou|disparado",
            // Esgoto
            "esgoto ~ voltando|volta|subindo|sobe|transbord*|retorn*|saindo|vazando",
            "refluxo ~ esgoto",
            // Sem aquecimento com frio extremo
            "sem aquecimento + congel*|gelad*|gelo|negativ*",
            "aquecimento|caldeira ~ nao funciona|quebrad*|avariad* + congel*|gelad*|gelo|negativ*",
            // Sem aquecimento com alguém vulnerável em casa, ou com frio extremo
            "sem aquecimento|aquecedor + bebe|bebes|recem|idoso|idosa|idosos|idosas|avo|avos|doente|doentes|deficiente|gravida|crianca|criancas",
            "aquecimento|caldeira|aquecedor ~ avari*|quebrou|quebrado|parou|funciona|desligou|morreu + bebe|bebes|recem|idoso|idosa|idosos|idosas|avo|avos|doente|doentes|deficiente|gravida|crianca|criancas",
            "sem aquecimento|aquecedor + gel*|zero|congel*|rachar|negativ*",
            "aquecimento|caldeira|aquecedor ~ avari*|quebrou|quebrado|parou|funciona|desligou|morreu + gel*|zero|congel*|rachar|negativ*",
            // Água espalhando-se pela casa
            "agua + espalh*|alastr*|invad*",
            "agua ~ chega|chegou|chegando|entra|entrou|entrando|passa|passou ~ sala|quarto|quartos|corredor|comodo|comodos|outros|outras|vizinho|vizinhos|escada",
            "transbord* + sala|quarto|quartos|corredor|comodo|comodos",
            "emergencia",
        ],
        High =
        [
            "vazamento|vazamentos|vazando|vaza|vazou",
            "goteira|goteiras|pingando|pinga|gotejando",
            "infiltracao|infiltracoes",
            "entupid*",
            "entupiu|entope|entupimento",
            "obstruid*",
            "quebrad*",
            "quebrou",
            "estragad*",
            "estragou|avariad*|avariou",
            "pifou",
            "com defeito",
            "nao funciona|funcionam|liga|ligam|acende|esquenta|aquece|escoa|descarrega|desce|puxa",
            "parou|pararam de funcionar|ligar|esquentar|aquecer",
            "sem agua quente",
            "nao tem|ha|temos agua quente",
            "sem aquecimento|luz|energia|eletricidade|forca",
            "transbord*",
            "urgente|urgencia",
        ],
        Harmless =
        [
            "detector|detectores|alarme|alarmes|sensor|sensores de fumaca|fumo|monoxido|vazamento|vazamentos",
            "seguranca|prevencao|protecao|certificado|alarme|alarmes|extintor|extintores|porta|portas|saida|saidas|seguro|risco contra|de incendio|incendios",
            "prevenir|evitar ~ inundacao|inundacoes|alagamento|alagamentos|vazamento|vazamentos|incendio|incendios",
            "servico|servicos|numero|atendimento|taxa|taxas|visita|visitas de emergencia",
            "caso de emergencia",
            "fogao|fogoes|forno|fornos|aquecedor|aquecedores|caldeira|caldeiras|lareira|lareiras|conta|contas|botijao|botijoes|instalacao|instalacoes|medidor de|do gas",
            "fogao|fogoes|forno|fornos|aquecedor|aquecedores|caldeira|caldeiras|lareira|lareiras|botijao|botijoes gas",
            "deteccao de vazamento|vazamentos",
        ],
        Negations = ["nao", "nunca", "sem", "nenhum", "nenhuma", "nada", "jamais", "nem"],
        NegationExceptions =
        [
            "nao para|param|sei|sabemos|consigo|conseguimos|tenho|so",
            "sem parar",
        ],
        PastCues =
        [
            "ano|mes|semana|inverno|verao passado|passada",
            "ha ~ anos|meses|semanas",
            "anos|meses|semanas atras",
        ],
        ResolvedCues =
        [
            "ja|foi|foram consertad*|reparad*|resolvid*|apagad*|controlad*",
            "ja ~ consertad*|reparad*|resolvid*|apagad*|controlad*",
        ],
        ClauseBreaks = ["mas", "porem", "contudo", "entretanto", "embora"],
    };
}
