// Drag-and-drop ordering of the lead questions: moves the dragged row, then posts the new order
// (with the antiforgery token of the hidden reorder form) and reloads. The move buttons work without it.
(() => {
    const body = document.querySelector('#questions tbody');
    const form = document.getElementById('reorder-form');
    if (!body || !form) {
        return;
    }

    let dragged = null;
    body.addEventListener('dragstart', event => {
        dragged = event.target.closest('tr.question-row');
        if (!dragged) {
            return;
        }
        dragged.classList.add('dragging');
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', dragged.dataset.id);
    });
    body.addEventListener('dragover', event => {
        const over = event.target.closest('tr.question-row');
        if (!dragged || !over || over === dragged) {
            return;
        }
        event.preventDefault();
        const box = over.getBoundingClientRect();
        const after = event.clientY > box.top + box.height / 2;
        body.insertBefore(dragged, after ? over.nextSibling : over);
    });
    body.addEventListener('drop', event => event.preventDefault());
    body.addEventListener('dragend', async () => {
        if (!dragged) {
            return;
        }
        dragged.classList.remove('dragging');
        dragged = null;
        const data = new FormData(form);
        body.querySelectorAll('tr.question-row').forEach(row => data.append('orderedIds', row.dataset.id));
        // Not following the redirect leaves the success message for the reloaded page.
        await fetch(form.action, { method: 'POST', body: data, credentials: 'same-origin', redirect: 'manual' });
        window.location.reload();
    });
})();
