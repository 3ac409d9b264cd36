// Knowledge base pages: asks before deleting, watches indexing sources and reloads the list when one
// finishes, and refuses a too-large PDF before it is uploaded. Every form also works without it.
(() => {
    document.addEventListener('submit', event => {
        const message = event.target.dataset?.confirm;
        if (message && !window.confirm(message)) {
            event.preventDefault();
        }
    });

    const table = document.getElementById('knowledge-sources');
    const busy = row => row.dataset.status === 'Pending' || row.dataset.status === 'Indexing';
    if (table && [...table.querySelectorAll('tr[data-status]')].some(busy)) {
        const shown = new Map([...table.querySelectorAll('tr[data-status]')].map(row => [row.dataset.id, row.dataset.status]));
        const poll = async () => {
            try {
                const response = await fetch(table.dataset.statusUrl, { headers: { Accept: 'application/json' } });
                if (response.ok) {
                    const sources = await response.json();
                    if (sources.length !== shown.size || sources.some(s => shown.get(s.id) !== s.status)) {
                        window.location.reload();
                        return;
                    }
                }
            } catch {
                // A failed poll is retried on the next tick.
            }
            window.setTimeout(poll, 3000);
        };
        window.setTimeout(poll, 3000);
    }

    const file = document.querySelector('input[type=file][data-max-bytes]');
    if (file) {
        file.addEventListener('change', () => {
            const tooLarge = file.files.length > 0 && file.files[0].size > Number(file.dataset.maxBytes);
            file.setCustomValidity(tooLarge ? file.dataset.tooLargeMessage : '');
            file.reportValidity();
        });
    }
})();
