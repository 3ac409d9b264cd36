// Conversation page: polls the conversation every few seconds and appends the messages it does not show yet, so the
// team sees a visitor's words while answering live. Every text goes in as text (textContent), never as markup. When
// the state changes (someone else took over or handed back), the page reloads for the right controls, unless the
// owner is in the middle of typing a message.
(() => {
    const live = document.getElementById('live-transcript');
    if (!live) {
        return;
    }

    const intervalMs = 2500;
    let after = Number(live.dataset.after);
    const shownState = live.dataset.state;

    const element = (tag, className, text) => {
        const node = document.createElement(tag);
        if (className) {
            node.className = className;
        }
        if (text !== undefined) {
            node.textContent = text;
        }
        return node;
    };

    const draw = message => {
        const item = element('li', `transcript-message card ${message.cssClass}`);
        item.dataset.role = message.role;
        item.dataset.sequence = String(message.sequence);
        const body = element('div', 'card-body py-2');
        const header = element('div', 'd-flex gap-2 small text-body-secondary mb-1');
        header.append(element('strong', 'message-role', message.roleLabel));
        const time = element('time', 'ms-auto', message.time);
        time.dateTime = message.machineTime;
        header.append(time);
        body.append(header, element('div', 'message-text text-break', message.text));
        if (message.citations.length > 0) {
            const citations = element('ul', 'list-inline small mb-0 mt-1 message-citations');
            for (const citation of message.citations) {
                const entry = element('li', 'list-inline-item');
                entry.append(element('i', 'bi bi-book'), ' ');
                if (citation.link) {
                    const link = element('a', '', citation.title);
                    link.href = citation.link;
                    link.rel = 'noopener noreferrer nofollow';
                    link.target = '_blank';
                    entry.append(link);
                } else {
                    entry.append(citation.title);
                }
                citations.append(entry);
            }
            body.append(citations);
        }
        item.append(body);
        return item;
    };

    const list = () => {
        let transcript = document.getElementById('transcript');
        if (!transcript) {
            document.getElementById('transcript-empty')?.remove();
            transcript = element('ol', 'list-unstyled d-flex flex-column gap-2 mb-0');
            transcript.id = 'transcript';
            live.append(transcript);
        }
        return transcript;
    };

    const show = poll => {
        const badge = document.getElementById('conversation-state');
        if (badge) {
            badge.textContent = poll.stateLabel;
            badge.className = `badge ${poll.stateClass}`;
        }
        document.getElementById('waiting-for-person')?.classList.toggle('d-none', !poll.waiting);
        const count = document.getElementById('conversation-message-count');
        if (count) {
            count.textContent = String(poll.messageCount);
        }
        for (const message of poll.messages) {
            if (message.sequence > after) {
                list().append(draw(message));
                after = message.sequence;
            }
        }
        const typing = document.querySelector('#owner-message-form textarea')?.value.trim();
        if (poll.state !== shownState && !typing) {
            window.location.reload();
        }
    };

    const poll = async () => {
        if (document.visibilityState === 'visible') {
            try {
                const url = new URL(live.dataset.messagesUrl, window.location.href);
                url.searchParams.set('after', String(after));
                const response = await fetch(url, { headers: { Accept: 'application/json' } });
                if (response.ok) {
                    show(await response.json());
                }
            } catch {
                // A failed poll is retried on the next tick.
            }
        }
        window.setTimeout(poll, intervalMs);
    };
    window.setTimeout(poll, intervalMs);
})();
