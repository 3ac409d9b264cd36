namespace SmbAgent.Bench.Chat.Data;

/// <summary>A business of the run: its FAQ and what visitors ask, worded differently from the FAQ.</summary>
/// <param name="Questions">
/// Ordinary questions the FAQ answers. None asks for a booking, a quote or a person, nor sounds like an
/// emergency, so every turn takes the same path (emergency check, knowledge search, answer with its source) and
/// the conversation stays open; the run checks that it did.
/// </param>
public sealed record BusinessPlan(string Name, string FaqTitle, IReadOnlyList<(string Question, string Answer)> Faq, IReadOnlyList<string> Questions);

public static class Businesses
{
    /// <summary>A turn that needs no knowledge search: the engine answers a greeting with its welcome.</summary>
    public const string Greeting = "Hello";

    public static IReadOnlyList<BusinessPlan> All { get; } =
    [
        new(
            "Harbour Plumbing",
            "Plumbing FAQ",
            [
                ("What are your opening hours?", "We are open Monday to Friday from 8 am to 6 pm, and Saturdays from 9 am to 1 pm."),
                ("Do you install water heaters?", "Yes, gas and electric water heaters, with a five year warranty on parts and labour."),
                ("Which areas do you cover?", "We work across the city and the towns within twenty miles of the harbour."),
                ("How can I pay?", "We take cards, bank transfer and cash; invoices are due within fourteen days."),
                ("Are your plumbers certified?", "All our plumbers are licensed and insured, and we are members of the national plumbing association."),
                ("Do you fit bathrooms?", "We design and fit complete bathrooms: showers, baths, basins, toilets and tiling."),
                ("Is there a call-out charge?", "Our call-out charge is 60 dollars, which includes the first half hour of work."),
                ("Do you unblock drains?", "Yes, we clear blocked sinks, toilets and drains with rods and high pressure jetting."),
            ],
            [
                "When are you open on Saturday?",
                "Can you put in a new hot water cylinder?",
                "Do you work in the suburbs outside the city?",
                "Can I pay by credit card?",
                "Are your plumbers licensed and insured?",
                "Do you renovate whole bathrooms?",
                "How much do you charge to come to the house?",
                "My kitchen sink drains very slowly, can you clear it?",
            ]),
        new(
            "Maple Dental Clinic",
            "Dental clinic FAQ",
            [
                ("When is the clinic open?", "The clinic is open Monday to Thursday from 8 am to 7 pm and Friday from 8 am to 3 pm."),
                ("Do you take new patients?", "Yes, we welcome new patients of all ages, including children from their first tooth."),
                ("Do you offer teeth whitening?", "We offer in-chair whitening in one session and take-home trays made for your teeth."),
                ("Is there parking?", "Free parking is available behind the clinic, with two spaces reserved for disabled visitors."),
                ("Which insurance do you accept?", "We accept most dental insurance plans and can bill your insurer directly."),
                ("How often should I have a check-up?", "We recommend a check-up and cleaning every six months for most adults."),
                ("Do you make dental implants?", "Our surgeon places titanium implants, with the crown fitted about three months later."),
                ("Can children be treated?", "Our dentists see children from the age of one, with a calm room made for kids."),
            ],
            [
                "What time does the clinic close on Friday?",
                "Are you accepting new patients at the moment?",
                "Can you make my teeth whiter?",
                "Where can I park my car near the clinic?",
                "Do you work with my dental insurance company?",
                "How regularly should I get my teeth checked?",
                "Do you replace missing teeth with implants?",
                "Do you treat kids as well?",
            ]),
        new(
            "Studio Nine Hair",
            "Salon FAQ",
            [
                ("What are your opening times?", "The salon is open Tuesday to Saturday from 9 am to 7 pm, late on Thursdays until 9 pm."),
                ("How much is a haircut?", "A cut and blow-dry costs 45 dollars for short hair and 60 dollars for long hair."),
                ("Do you colour hair?", "We do full colour, highlights, balayage and colour correction with ammonia-free products."),
                ("Do you cut men's hair?", "Yes, men's cuts and beard trims are 30 dollars and take about half an hour."),
                ("Which products do you use?", "We use and sell organic shampoos and conditioners from a family brand."),
                ("Do you do wedding hair?", "We style brides and bridal parties, in the salon or at your venue."),
                ("Can I buy a gift card?", "Gift cards from 20 dollars are sold in the salon and never expire."),
                ("How long does a colour take?", "A full colour takes about two hours, highlights around two and a half hours."),
            ],
            [
                "Are you open late on Thursday evening?",
                "What does a women's haircut cost?",
                "Can you do balayage highlights?",
                "Do you also do beard trims for men?",
                "What shampoo brand do you use?",
                "Can you style my hair for my wedding day?",
                "Do you sell gift vouchers?",
                "How many hours does colouring take?",
            ]),
        new(
            "Rosa's Bakery",
            "Bakery FAQ",
            [
                ("When do you open?", "We open every day at 7 am and close at 6 pm, except Mondays when we are closed."),
                ("Do you have gluten free bread?", "We bake gluten free loaves on Fridays in a separate oven."),
                ("Do you make birthday cakes?", "We make birthday cakes to order with three days' notice, from 35 dollars."),
                ("Do you deliver?", "We deliver within five miles for orders over 25 dollars, before noon."),
                ("Is your bread made with sourdough?", "Our country loaves are slow fermented sourdough made with organic flour."),
                ("Do you have vegan options?", "Several breads and two cakes each day are vegan, marked on the counter."),
                ("Can we order for an office?", "We prepare pastry platters for offices and meetings with one day's notice."),
                ("Do you sell coffee?", "We serve espresso drinks and filter coffee made with beans from a local roaster."),
            ],
            [
                "What time do you open in the morning?",
                "Is there any bread without gluten?",
                "Can you bake a cake for my son's birthday?",
                "Do you bring orders to people's homes?",
                "Is the bread naturally leavened?",
                "Do you have anything vegan?",
                "Can you prepare pastries for a work meeting?",
                "Can I get a coffee with my croissant?",
            ]),
    ];
}
