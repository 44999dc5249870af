// The chat page's shell, from the kit: the form, the status, and the answer rendered as
// text. It knows nothing of transports: the lesson's /chat.js calls chatPage() with them.
//
//   chatPage({
//     sse: (prompt, view) => { ...; return { stop() { ... } }; },
//   });
//
// A transport starts a reply for the prompt and reports through the view:
//   view.append(text)     adds a token's text to the answer
//   view.show(text)       replaces the whole answer
//   view.setStatus(s)     'streaming', 'reconnecting', 'done', 'cancelled' or 'error'
//   view.fail(message)    status 'error' and the message under the answer
// It may return (or resolve to) an object with stop(), which the Stop button calls, also
// when pressed before the transport has resolved (as soon as it has). A view belongs to
// one reply: once a newer reply starts, the older one's view no longer changes the page.

const $ = (id) => document.getElementById(id);

export function chatPage(transports) {
    const form = $('ask');
    const prompt = $('prompt');
    const select = $('transport');
    const stopButton = $('stop');
    let replies = 0; // how many replies this page has started: the latest one owns the page
    let current = null; // the latest reply's transport, once it has started: { stop() }

    for (const name of Object.keys(transports)) {
        select.append(new Option(name, name));
    }

    // What a transport reports through. The view of a reply stops touching the page once
    // a newer reply has started, so a late event of an old reply cannot spoil the new one.
    function viewOf(reply) {
        const live = () => reply === replies;
        const view = {
            append(text) { if (live()) $('answer').textContent += text; },
            show(text) { if (live()) $('answer').textContent = text; },
            setStatus(status) {
                if (live()) {
                    $('status').textContent = status;
                    stopButton.disabled = !(status === 'streaming' || status === 'reconnecting');
                }
            },
            notice(message) { if (live()) $('notice').textContent = message; },
            fail(message) {
                view.setStatus('error');
                view.notice(message);
            },
        };
        return view;
    }

    // Stops a reply, even one whose transport is still starting: as soon as it has started.
    async function stop(started, view) {
        try {
            await (await started)?.stop?.();
        }
        catch (error) {
            view.fail(error.message);
        }
    }

    form.addEventListener('submit', (event) => {
        event.preventDefault();
        const text = prompt.value;
        if (text.trim() === '') {
            return;
        }
        if (current !== null) {
            stop(current.started, current.view); // the previous reply, if it still runs
        }
        const view = viewOf(++replies);
        view.show('');
        view.notice('');
        view.setStatus('streaming');
        // A transport that fails to start (a bad prompt's 400, say) shows why, and has nothing to stop.
        const started = Promise.resolve().then(() => transports[select.value](text, view))
                .catch((error) => view.fail(error.message));
        current = { started, view };
    });

    prompt.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            form.requestSubmit();
        }
    });

    stopButton.addEventListener('click', () => {
        if (current !== null) {
            stop(current.started, current.view);
        }
    });

    // An error thrown in an event handler of a transport (a TODO not done yet, say)
    // shows on the page instead of only in the console.
    const page = viewOf(null);
    const latest = () => current?.view ?? page;
    window.addEventListener('error', (event) => latest().fail(event.message));
    window.addEventListener('unhandledrejection', (event) => latest().fail(String(event.reason?.message ?? event.reason)));
}

// Marks a step of a lesson's starter not done yet: fails loudly with its instruction,
// which the page then shows.
export function todo(step, instruction) {
    throw new Error(`${step} is not done yet: ${instruction}`);
}

// POSTs a JSON body and returns the response; on an error status, throws an Error whose
// message is the problem detail (RFC 9457) the server sent.
export async function postJson(path, body, accept = 'application/json') {
    const response = await fetch(path, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Accept': accept },
        body: JSON.stringify(body),
    });
    if (!response.ok) {
        throw new Error(await problemMessage(response));
    }
    return response;
}

// The detail of a problem-details response, or its status when it has none.
export async function problemMessage(response) {
    try {
        const problem = await response.json();
        return problem.detail ?? problem.title ?? `HTTP ${response.status}`;
    }
    catch {
        return `HTTP ${response.status}`;
    }
}
