// Install page: copies the snippet to the clipboard. Where the clipboard is refused, the snippet is selected to copy by hand.
(() => {
    for (const button of document.querySelectorAll('button[data-copy-target]')) {
        const target = document.getElementById(button.dataset.copyTarget);
        const status = document.getElementById('copy-status');
        button.addEventListener('click', async () => {
            try {
                await navigator.clipboard.writeText(target.textContent);
                status.textContent = button.dataset.copiedText;
            } catch {
                window.getSelection().selectAllChildren(target);
                status.textContent = 'Press Ctrl+C to copy.';
            }
        });
    }
})();
