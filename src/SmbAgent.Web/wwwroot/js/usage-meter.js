// Home page: draws each usage bar at its percentage. A style attribute would say it in the markup, but the
// Content-Security-Policy refuses those; the numbers beside each bar say the same without script.
(() => {
    for (const bar of document.querySelectorAll('.progress-bar[data-percent]')) {
        bar.style.width = bar.dataset.percent + '%';
    }
})();
