namespace SmbAgent.Voice.Speech;

/// <summary>
/// Premium speech (section <c>Speech</c>). It uses the OpenAI key the rest of the app uses (<c>OpenAI:ApiKey</c> or
/// <c>OPENAI_API_KEY</c>, endpoint <c>OpenAI:Endpoint</c>): without one every sentence is a <c>&lt;Say&gt;</c>.
/// </summary>
public sealed class SpeechOptions
{
    public const string SectionName = "Speech";

    public const string DefaultModel = "gpt-4o-mini-tts";

    public const string DefaultTranscriptionModel = "gpt-4o-mini-transcribe";

    public string Model { get; set; } = DefaultModel;

    /// <summary>How long a caller may wait for a sentence not in the cache; past it they hear <c>&lt;Say&gt;</c>.</summary>
    public TimeSpan Budget { get; set; } = TimeSpan.FromSeconds(1.5);

    /// <summary>
    /// How long one synthesis may take in all. Longer than <see cref="Budget"/>: a synthesis the caller stopped waiting
    /// for still fills the cache, so the next caller hears it.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long a <c>&lt;Play&gt;</c> URL stays valid: Twilio fetches it within seconds, perhaps more than once.</summary>
    public TimeSpan UrlLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Audio not played or asked for in this long is deleted by the cleanup job.</summary>
    public TimeSpan KeepUnusedFor { get; set; } = TimeSpan.FromDays(30);

    /// <summary>Cron expression of the cleanup (UTC).</summary>
    public string CleanupSchedule { get; set; } = "17 3 * * *";

    /// <summary>The model that writes a voicemail's transcript.</summary>
    public string TranscriptionModel { get; set; } = DefaultTranscriptionModel;

    /// <summary>Tries at a voicemail's transcript before it falls back to Twilio's.</summary>
    public int TranscriptionAttempts { get; set; } = 3;

    /// <summary>Wait before the second try; each later try waits this much longer again.</summary>
    public TimeSpan TranscriptionRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long OpenAI may take to transcribe one recording (the download is bounded by size, not by this).</summary>
    public TimeSpan TranscriptionTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The largest recording sent for transcription: OpenAI takes files up to 25 MB.</summary>
    public long MaxRecordingBytes { get; set; } = 25 * 1024 * 1024;
}
