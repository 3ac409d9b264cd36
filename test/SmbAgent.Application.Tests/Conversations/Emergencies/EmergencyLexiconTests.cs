using SmbAgent.Conversations;
using SmbAgent.Conversations.Emergencies;
using SmbAgent.Conversations.Emergencies.Lexicon;

namespace SmbAgent.Application.Tests.Conversations.Emergencies;

/// <summary>The built-in lexicon in the six languages: phrases, inflections, word boundaries, negation and tense.</summary>
public sealed class EmergencyLexiconTests
{
    private static readonly EmergencyLexicon Lexicon = new();

    [Theory]
    [InlineData("en", "My basement is FLOODING!!")]
    [InlineData("en", "the laundry room flooded overnight")]
    [InlineData("en", "a burst pipe in the attic")]
    [InlineData("en", "the pipes under the sink have burst")]
    [InlineData("en", "there's a gas leak in the street")]
    [InlineData("en", "I can smell gas")]
    [InlineData("en", "it smells of gas upstairs")]
    [InlineData("en", "the oven is on fire")]
    [InlineData("en", "smoke is coming out of the vent")]
    [InlineData("en", "the socket is sparking")]
    [InlineData("en", "carbon monoxide alarm going off")]
    [InlineData("en", "the CO detector keeps beeping")]
    [InlineData("en", "no heat and it's freezing outside")]
    [InlineData("en", "sewage is backing up into the shower")]
    [InlineData("en", "there's an electrical burning smell in the hall")]
    [InlineData("en", "water is pouring through the ceiling")]
    [InlineData("es", "Se inundó la cocina")]
    [InlineData("es", "Hay una fuga de gas")]
    [InlineData("es", "huele a gas en el pasillo")]
    [InlineData("es", "reventó una tubería en el baño")]
    [InlineData("es", "sale humo del horno")]
    [InlineData("es", "Salen chispas del enchufe")]
    [InlineData("fr", "La cave est inondée")]
    [InlineData("fr", "ça sent le gaz")]
    [InlineData("fr", "Il y a le feu dans la cuisine")]
    [InlineData("fr", "le détecteur de monoxyde sonne")]
    [InlineData("fr", "Une canalisation a éclaté")]
    [InlineData("de", "Der Keller ist überflutet")]
    [InlineData("de", "Wasserrohrbruch im Bad")]
    [InlineData("de", "Es riecht nach Gas")]
    [InlineData("de", "Aus der Steckdose kommt Rauch")]
    [InlineData("de", "keine Heizung und draußen friert es")]
    [InlineData("it", "Il bagno è allagato")]
    [InlineData("it", "c'è odore di gas")]
    [InlineData("it", "è scoppiato un tubo")]
    [InlineData("it", "esce fumo dal quadro elettrico")]
    [InlineData("pt", "A cozinha está inundada")]
    [InlineData("pt", "Há um vazamento de gás")]
    [InlineData("pt", "O cano estourou")]
    [InlineData("pt", "está pegando fogo na garagem")]
    public void Urgent_phrases_are_urgent(string language, string turn)
    {
        var assessment = Lexicon.Match(turn, language, []);

        assessment.Level.ShouldBe(LeadPriority.Urgent);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.Lexicon);
        assessment.Match.ShouldNotBeNullOrWhiteSpace();
    }

    [Theory]
    [InlineData("en", "the kitchen tap is leaking")]
    [InlineData("en", "my toilet is clogged")]
    [InlineData("en", "the shower drain is blocked")]
    [InlineData("en", "the dryer is broken")]
    [InlineData("en", "the boiler isn't working")]
    [InlineData("en", "we have no hot water")]
    [InlineData("en", "the heating doesn't work")]
    [InlineData("en", "the toilet is overflowing")]
    [InlineData("es", "el grifo gotea")]
    [InlineData("es", "el inodoro está atascado")]
    [InlineData("es", "la calefacción no funciona")]
    [InlineData("es", "no tenemos agua caliente")]
    [InlineData("fr", "il y a une fuite sous l'évier")]
    [InlineData("fr", "les toilettes sont bouchées")]
    [InlineData("fr", "le chauffe-eau ne marche plus")]
    [InlineData("fr", "pas d'eau chaude depuis hier")]
    [InlineData("de", "Der Abfluss ist verstopft")]
    [InlineData("de", "Die Spülmaschine ist kaputt")]
    [InlineData("de", "Die Heizung funktioniert nicht")]
    [InlineData("de", "Kein warmes Wasser seit gestern")]
    [InlineData("it", "Il rubinetto gocciola")]
    [InlineData("it", "Lo scarico è otturato")]
    [InlineData("it", "La lavatrice non funziona")]
    [InlineData("it", "Siamo senza acqua calda")]
    [InlineData("pt", "A torneira está vazando")]
    [InlineData("pt", "O vaso está entupido")]
    [InlineData("pt", "O aquecedor não funciona")]
    [InlineData("pt", "Estamos sem água quente")]
    public void High_phrases_are_high(string language, string turn)
    {
        var assessment = Lexicon.Match(turn, language, []);

        assessment.Level.ShouldBe(LeadPriority.High);
        assessment.MatchedBy.ShouldBe(EmergencyMatchKind.Lexicon);
    }

    [Theory]
    [InlineData("en", "Are you open on Saturday?")]
    [InlineData("en", "Do you fix gas stoves?")]
    [InlineData("en", "What's your fire safety certificate?")]
    [InlineData("en", "Can you configure my firewall?")]
    [InlineData("en", "Do you install floodlights?")]
    [InlineData("en", "What brand of gas fireplace do you sell?")]
    [InlineData("en", "Do you install smoke detectors?")]
    [InlineData("en", "do you offer emergency services?")]
    [InlineData("es", "¿Abren el sábado?")]
    [InlineData("es", "¿Reparan cocinas de gas?")]
    [InlineData("es", "¿Instalan detectores de humo?")]
    [InlineData("fr", "Avez-vous un certificat de sécurité incendie ?")]
    [InlineData("fr", "Réparez-vous les cuisinières à gaz ?")]
    [InlineData("de", "Haben Sie einen Brandschutznachweis?")]
    [InlineData("de", "Installieren Sie Rauchmelder?")]
    [InlineData("it", "Riparate i fornelli a gas?")]
    [InlineData("it", "Avete il certificato di prevenzione incendi?")]
    [InlineData("pt", "Vocês consertam fogões a gás?")]
    [InlineData("pt", "Qual é o horário de sábado?")]
    public void Ordinary_questions_are_normal(string language, string turn)
    {
        Lexicon.Match(turn, language, []).Level.ShouldBe(LeadPriority.Normal);
    }

    [Theory]
    [InlineData("en", "there is no smoke")]
    [InlineData("en", "not flooding anymore, thanks")]
    [InlineData("en", "No leak, I just want a quote")]
    [InlineData("en", "there isn't any gas smell")]
    [InlineData("en", "the leak was fixed last week")]
    [InlineData("en", "I had a leak last year, now I want a new bathroom")]
    [InlineData("en", "we had a flood two years ago")]
    [InlineData("es", "no hay humo")]
    [InlineData("es", "ya no hay ninguna fuga")]
    [InlineData("es", "tuvimos una inundación el año pasado")]
    [InlineData("fr", "il n'y a pas de fumée")]
    [InlineData("fr", "il n'y a plus de fuite")]
    [InlineData("de", "kein Rauch mehr")]
    [InlineData("de", "Der Keller ist nicht überflutet")]
    [InlineData("it", "non c'è fumo")]
    [InlineData("it", "nessuna perdita, solo un preventivo")]
    [InlineData("pt", "não há fumaça")]
    [InlineData("pt", "sem vazamento, só quero um orçamento")]
    public void Negated_or_past_emergencies_are_cleared(string language, string turn)
    {
        var assessment = Lexicon.Match(turn, language, []);

        assessment.Level.ShouldBe(LeadPriority.Normal);
        assessment.IsCleared.ShouldBeTrue();
        assessment.Match.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("en", "I can't stop the flooding", LeadPriority.Urgent)]
    [InlineData("en", "the tap won't stop leaking", LeadPriority.High)]
    [InlineData("en", "there's no leak, but the basement is flooding", LeadPriority.Urgent)]
    [InlineData("en", "No. My basement is flooding", LeadPriority.Urgent)]
    [InlineData("en", "not sure, but I smell gas", LeadPriority.Urgent)]
    [InlineData("en", "the leak is not fixed yet", LeadPriority.High)]
    [InlineData("es", "no para de salir humo", LeadPriority.Urgent)]
    [InlineData("fr", "de plus en plus de fumée", LeadPriority.Urgent)]
    [InlineData("it", "la perdita non è stata riparata", LeadPriority.High)]
    [InlineData("de", "Das Wasser hört nicht auf zu tropfen", LeadPriority.High)]
    public void A_negation_only_reaches_the_words_right_after_it_in_its_clause(string language, string turn, LeadPriority expected)
    {
        Lexicon.Match(turn, language, []).Level.ShouldBe(expected);
    }

    [Fact]
    public void Case_and_accents_do_not_matter()
    {
        Lexicon.Match("SE INUNDÓ EL SÓTANO", "es", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("se inundo el sotano", "es", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("ÇA SENT LE GAZ", "fr", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("DER KELLER IST ÜBERFLUTET", "de", []).Level.ShouldBe(LeadPriority.Urgent);
    }

    [Fact]
    public void Turns_in_another_language_also_match_English_phrases()
    {
        Lexicon.Match("sorry, my English: the basement is flooding", "de", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("el sótano está inundado", "en", []).Level.ShouldBe(LeadPriority.Normal);
        Lexicon.Match("the basement is flooding", "nl", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("the basement is flooding", null, []).Level.ShouldBe(LeadPriority.Urgent);
    }

    [Fact]
    public void The_more_specific_phrase_decides()
    {
        var assessment = Lexicon.Match("the smoke alarm is going off", "en", []);

        assessment.Level.ShouldBe(LeadPriority.Urgent);
        assessment.Match.ShouldNotBeNull().ShouldContain("alarm");
        Lexicon.Match("the gas heater is leaking", "en", []).Level.ShouldBe(LeadPriority.Urgent);
        Lexicon.Match("is there a leak in the fire sprinkler?", "en", []).Level.ShouldBe(LeadPriority.High);
    }

    [Fact]
    public void Empty_turns_are_normal_without_a_match()
    {
        Lexicon.Match("", "en", []).ShouldBe(EmergencyAssessment.None);
        Lexicon.Match("   ", "en", []).ShouldBe(EmergencyAssessment.None);
        Lexicon.Match("?!", "en", []).ShouldBe(EmergencyAssessment.None);
    }
}
