// Each fixture here starts a host with its own Hangfire server. Hangfire keeps process-wide state, so two servers
// running at once in one process can take each other's jobs and run them against the other host's database
// (HangfireIO/Hangfire#2151): a job then "succeeds" without finding its rows. Production runs one server per
// process; the tests run their hosts one at a time.
[assembly: Xunit.CollectionBehavior(DisableTestParallelization = true)]
