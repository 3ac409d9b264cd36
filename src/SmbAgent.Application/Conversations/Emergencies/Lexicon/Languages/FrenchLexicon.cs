namespace SmbAgent.Conversations.Emergencies.Lexicon.Languages;

internal static class FrenchLexicon
{
    public static LexiconEntries Entries { get; } = new()
    {
        Urgent =
        [
            // Eau
            "inond*",
            "sous eau",
            "eau ~ partout",
            "coule|coulent|ruisselle|ruissellent|tombe|tombent|jaillit|gicle|passe|traverse ~ plafond|toit",
            "plafond ~ effondr*|ecroul*|tombe|cede|gonfle",
            "tuyau|tuyaux|canalisation|canalisations|conduite ~ eclat*|explos*|creve|crevee|rompu|rompue|pete",
            "eclat*|explos*|creve|crevee|rupture ~ tuyau|tuyaux|canalisation|canalisations|conduite",
            // Gaz
            "fuite|fuites|odeur|odeurs|sent|sens|sentons ~ gaz",
            "gaz ~ fuit|fuite|echappe",
            // Feu, fumée, électricité
            "feu|incendie|incendies|flammes|flamme",
            "brule|brulent|brulee|bruler|brulant",
            "fumee|fumees|fume|fument",
            "etincelle|etincelles|etincelant",
            "electrocut*|electrise|electrisee",
            "decharge|decharges electrique|electriques",
            "explosion|explose",
            "monoxyde",
            "detecteur|detecteurs|alarme|alarmes ~ fumee|monoxyde|co|incendie ~ sonne|sonnent|declenche|declenchee|retentit|bip*",
            // Égouts
            "refoul*|remont*|debord* ~ egout|egouts|usees|vannes|fosse",
            "egout|egouts|usees|vannes ~ refoul*|remont*|debord*",
            // Sans chauffage par grand froid
            "sans|pas|plus de chauffage + gel*|glacial*|negati*|zero",
            "chauffage|chaudiere ~ panne + gel*|glacial*|negati*|zero",
            // Sans chauffage avec une personne fragile à la maison, ou par grand froid
            "plus|pas|sans ~ chauffage + bebe|bebes|nourrisson|nouveau|agee|agees|age|ages|mere|pere|malade|malades|handicape|handicapee|enceinte|enfant|enfants",
            "chauffage|chaudiere ~ panne|plus|coupe|arrete|morte|mort + bebe|bebes|nourrisson|nouveau|agee|agees|age|ages|mere|pere|malade|malades|handicape|handicapee|enceinte|enfant|enfants",
            "plus|pas|sans ~ chauffage + gel*|glacial|glaciale|moins|zero|congel*",
            "chauffage|chaudiere ~ panne|plus|coupe|arrete|morte|mort + gel*|glacial|glaciale|moins|zero|congel*",
            // Eau qui gagne les autres pièces
            "eau + repand*|etend|etendre|propage*|envahi*",
            "eau ~ arrive|arriver|coule|entre|passe|gagne ~ salon|chambre|chambres|couloir|piece|pieces|autres|sejour|voisin|voisins|escalier",
            "debord* + salon|chambre|chambres|couloir|piece|pieces|sejour",
            "urgence",
        ],
        High =
        [
            "fuite|fuites|fuit|fuient",
            "goutte|gouttent|gouttes",
            "infiltration|infiltrations",
            "degat|degats des eaux",
            "bouche|bouchee|bouches|bouchees",
            "obstrue|obstruee",
            "engorge*",
            "casse|cassee|casses|cassees",
            "panne",
            "hors service",
            "ne marche|marchent|fonctionne|fonctionnent|chauffe|demarre|allume|evacue|coule|tire pas|plus",
            "marche|marchent|fonctionne|fonctionnent|chauffe|demarre|allume|evacue pas|plus",
            "pas|plus|sans eau chaude",
            "pas|plus|sans chauffage|electricite|courant",
            "deborde|debordent|debordement",
            "court circuit",
            "urgent|urgente",
        ],
        Harmless =
        [
            "detecteur|detecteurs|alarme|alarmes|capteur|capteurs de fumee|monoxyde|fuite|fuites",
            "securite|prevention|protection|alarme|alarmes|detecteur|detecteurs|risque|risques|norme|normes|porte|portes|issue|issues|sortie|sorties|extincteur|extincteurs|assurance|exercice|certificat incendie|incendies",
            "securite|prevention|protection|risque|risques|porte|portes|assurance contre incendie|incendies",
            "coupe feu",
            "bouche|bouches incendie",
            "prevenir|eviter ~ inondation|inondations|fuite|fuites|incendie|incendies",
            "service|services|numero|ligne|tarif|tarifs|frais|depannage|depannages urgence",
            "intervention|interventions|depannage|depannages en urgence",
            "cas urgence",
            "cuisiniere|cuisinieres|four|fours|chaudiere|chaudieres|poele|poeles|facture|factures|installation|installations|compteur|compteurs|plaque|plaques au|de gaz",
            "cuisiniere|cuisinieres|four|fours|chaudiere|chaudieres|poele|poeles|plaque|plaques gaz",
            "recherche|detection de fuite|fuites",
        ],
        Negations = ["ne", "pas", "plus", "jamais", "sans", "aucun", "aucune", "rien", "ni", "non"],
        NegationExceptions =
        [
            "arrete|arretent pas|plus",
            "sais|sait|savons pas",
            "peux|peut|pouvons|arrive|arrivons pas",
            "plus en plus",
            "ne sais|sait|savons|peux|peut|pouvons|arrive|arrivons|arrete|arretent",
            "pas seulement|que",
        ],
        PastCues =
        [
            "an|annee|mois|semaine|hiver|ete dernier|derniere|passe|passee",
            "il ~ ans|mois|semaines|longtemps",
        ],
        ResolvedCues =
        [
            "est|ete|sont repare|reparee|regle|reglee|resolu|resolue|eteint|eteinte",
        ],
        ClauseBreaks = ["mais", "cependant", "pourtant", "sauf"],
    };
}
