namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

internal static class SpanishLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Agua
            "inund*",
            "bajo el agua",
            "bajo agua",
            "agua ~ todas partes|todos lados",
            "agua ~ chorros|chorrea|chorreando|brota|brotando",
            "cae|cayendo|entra|entrando|chorrea|chorreando|sale|saliendo|gotea|goteando ~ agua ~ techo|tejado|cielorraso",
            "agua ~ cae|cayendo|entra|entrando|chorrea|chorreando|sale|saliendo ~ techo|tejado|cielorraso",
            "techo|cielorraso ~ derrumb*|cayendo|cae|hundiendo|cede|cedio",
            "tuberia|tuberias|tubo|tubos|caneria|canerias|cano|canos ~ revent*|estall*|explot*",
            "revent*|estall*|explot* ~ tuberia|tuberias|tubo|tubos|caneria|canerias|cano|canos",
            // Gas
            "fuga|fugas|escape|escapes|perdida|perdidas ~ gas",
            "huele|huelo|olor|oler|olemos|olores|peste ~ gas",
            "gas ~ fuga|fugando|escapa|escapando|sale|saliendo|huele",
            "pierde|pierden|perdiendo|escapa|escapando gas",
            // Fuego, humo, electricidad
            "fuego|incendio|incendios|llamarada|llamaradas",
            "quemando|quema|arde|ardiendo",
            "olor|huele|huelo ~ quemado|quema|quemando|chamuscado",
            "humo|humareda|humea|humeando",
            "chispa|chispas|chispea|chispeando|chispazo|chispazos",
            "cortocircuito|cortocircuitos",
            "descarga|descargas electrica|electricas",
            "electrocut*",
            "explosion|exploto|explotar|explota",
            "monoxido",
            "detector|detectores|alarma|alarmas|sensor ~ humo|monoxido|incendio|co ~ suena|sonando|pita|pitando|salto|activ*",
            // Aguas residuales
            "aguas negras|residuales|servidas",
            "cloaca|cloacas|alcantarilla|alcantarillado|desague|drenaje ~ desbord*|rebos*|regres*|devuelve",
            // Sin calefacción con helada
            "sin calefaccion|calor|calefactor + helad*|congel*|hiela|helando",
            "sin calefaccion|calor|calefactor + bajo cero",
            "no hay|tengo|tenemos calefaccion + helad*|congel*|hiela|helando",
            "calefaccion|caldera ~ no funciona + helad*|congel*|hiela|helando",
            // Sin calefacción con alguien vulnerable en casa, o con frío extremo
            "sin calefaccion|calor|calefactor + bebe|bebes|recien|anciano|anciana|ancianos|ancianas|mayor|mayores|abuela|abuelo|enfermo|enferma|discapacitado|discapacitada|embarazada|nino|nina|ninos|ninas",
            "no hay|tengo|tenemos calefaccion + bebe|bebes|recien|anciano|anciana|ancianos|ancianas|mayor|mayores|abuela|abuelo|enfermo|enferma|discapacitado|discapacitada|embarazada|nino|nina|ninos|ninas",
            "calefaccion|caldera|calentador ~ estrope*|averi*|rota|roto|apag*|murio|funciona + bebe|bebes|recien|anciano|anciana|ancianos|ancianas|mayor|mayores|abuela|abuelo|enfermo|enferma|discapacitado|discapacitada|embarazada|nino|nina|ninos|ninas",
            "estrope*|averi*|romp*|rompio ~ calefaccion|caldera|calentador + bebe|bebes|recien|anciano|anciana|ancianos|ancianas|mayor|mayores|abuela|abuelo|enfermo|enferma|discapacitado|discapacitada|embarazada|nino|nina|ninos|ninas",
            "sin calefaccion|calor|calefactor + helad*|helador|congel*|hiela|helando|cero",
            "no hay|tengo|tenemos calefaccion + helad*|helador|congel*|hiela|helando|cero",
            "calefaccion|caldera|calentador ~ estrope*|averi*|rota|roto|apag*|murio|funciona + helad*|helador|congel*|hiela|helando|cero",
            "estrope*|averi*|romp*|rompio ~ calefaccion|caldera|calentador + helad*|helador|congel*|hiela|helando|cero",
            // Agua que se extiende por la casa
            "agua + extiend*|extend*|expand*|esparc*|propag*|desparram*",
            "agua ~ llega|llegando|llego|pasa|pasando|entra|entrando|invade|invadiendo ~ pasillo|habitacion|habitaciones|salon|sala|cuarto|cuartos|dormitorio|dormitorios|planta|piso|otras|otros|vecino|vecinos",
            "desbord* + pasillo|habitacion|habitaciones|salon|cuarto|cuartos|dormitorio|dormitorios|otras",
            "emergencia",
        ],
        High =
        [
            "fuga|fugas",
            "gotea|gotean|goteo|gotera|goteras|goteando",
            "pierde|pierden|perdiendo agua",
            "filtracion|filtraciones",
            "atasc*",
            "tapado|tapada|tapados|tapadas",
            "obstruid*",
            "bloquead*",
            "roto|rota|rotos|rotas|rompio|rompieron",
            "averiado|averiada|averiados|averia",
            "estropeado|estropeada|estropeo",
            "descompuesto|descompuesta",
            "no funciona|funcionan|enciende|encienden|arranca|calienta|prende|desagua|drena|jala|baja",
            "dejo|dejaron de funcionar|calentar|encender",
            "sin agua caliente",
            "no hay|tengo|tenemos agua caliente",
            "sin calefaccion|luz|electricidad|corriente",
            "no hay|tengo|tenemos calefaccion|luz|electricidad|corriente",
            "desbord*",
            "rebosa|rebosando",
            "urgente|urgencia",
        ],
        Harmless =
        [
            "detector|detectores|alarma|alarmas|sensor|sensores de humo|monoxido|incendio|incendios|fugas",
            "seguridad|prevencion|proteccion|salida|salidas|puerta|puertas|extintor|extintores|riesgo|seguro|certificado contra|de|anti incendio|incendios|fuego",
            "prevenir|evitar ~ inundacion|inundaciones|fuga|fugas|incendio|incendios",
            "servicio|servicios|numero|telefono|linea|tarifa|tarifas|visita|visitas de|para emergencia|emergencias",
            "caso de emergencia",
            "cocina|cocinas|estufa|estufas|horno|hornos|caldera|calderas|calentador|calentadores|chimenea|chimeneas|factura|facturas|instalacion|instalaciones|revision|revisiones de gas",
            "cocina|cocinas|estufa|estufas|horno|hornos|caldera|calderas|calentador|calentadores|chimenea|chimeneas gas",
            "deteccion de fugas",
        ],
        Negations = ["no", "nunca", "sin", "ningun", "ninguna", "ninguno", "nada", "tampoco", "jamas", "ni"],
        NegationExceptions =
        [
            "no para|paran|deja|dejan|puedo|podemos|se|sabemos|consigo|logro|estoy|solo",
            "sin parar",
        ],
        PastCues =
        [
            "ano|mes|semana|invierno|verano|otono pasado|pasada",
            "hace ~ anos|meses|semanas|tiempo",
        ],
        ResolvedCues =
        [
            "ya no",
            "ya ~ arreglad*|reparad*|resuelt*|apagad*|controlad*",
            "fue|fueron arreglad*|reparad*|resuelt*|apagad*|controlad*",
        ],
        ClauseBreaks = ["pero", "aunque", "sino", "embargo"],
    };
}
