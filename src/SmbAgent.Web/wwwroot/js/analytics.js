// Draws the analytics charts from the page's JSON; every chart has a table next to it, so nothing is lost without script.
(() => {
    const source = document.getElementById('analytics-data');
    if (!source || typeof Chart === 'undefined') {
        return;
    }

    const data = JSON.parse(source.textContent);
    const draw = (id, config) => {
        const canvas = document.getElementById(id);
        if (canvas) {
            new Chart(canvas, config);
        }
    };

    draw('chart-days', {
        type: 'bar',
        data: {
            labels: data.days.map(d => d.day),
            datasets: [
                { label: 'Chat', data: data.days.map(d => d.chat), stack: 'conversations' },
                { label: 'Voice', data: data.days.map(d => d.voice), stack: 'conversations' },
                { label: 'Leads', data: data.days.map(d => d.leads), type: 'line' },
            ],
        },
        options: { scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true } } },
    });
    draw('chart-channels', {
        type: 'bar',
        data: {
            labels: data.channels.map(c => c.channel),
            datasets: [
                { label: 'Conversations', data: data.channels.map(c => c.conversations) },
                { label: 'Leads', data: data.channels.map(c => c.leads) },
            ],
        },
        options: { indexAxis: 'y' },
    });
    if (data.dropOff) {
        draw('chart-dropoff', {
            type: 'bar',
            data: { labels: data.dropOff.map(q => q.question), datasets: [{ label: 'Stopped there', data: data.dropOff.map(q => q.count) }] },
            options: { indexAxis: 'y' },
        });
    }
    if (data.calls) {
        draw('chart-calls', {
            type: 'doughnut',
            data: { labels: data.calls.map(c => c.status), datasets: [{ label: 'Calls', data: data.calls.map(c => c.count) }] },
        });
    }
})();
