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
// It may return (or resolve to) an object with stop(), which the Stop button calls.

const $ = (id) => document.getElementById(id);

export function chatPage(transports) {
    const form = $('ask');
    const prompt = $('prompt');
    const select = $('transport');
    const stopButton = $('stop');
    let current = null;

    for (const name of Object.keys(transports)) {
        select.append(new Option(name, name));
    }

    const view = {
        append(text) { $('answer').textContent += text; },
        show(text) { $('answer').textContent = text; },
        setStatus(status) {
            $('status').textContent = status;
            stopButton.disabled = !(status === 'streaming' || status === 'reconnecting');
        },
        notice(message) { $('notice').textContent = message; },
        fail(message) {
            view.setStatus('error');
            view.notice(message);
        },
    };

    form.addEventListener('submit', async (event) => {
        event.preventDefault();
        const text = prompt.value;
        if (text.trim() === '') {
            return;
        }
        current?.stop?.();
        view.show('');
        view.notice('');
        view.setStatus('streaming');
        try {
            current = await transports[select.value](text, view);
        }
        catch (error) {
            view.fail(error.message);
        }
    });

    prompt.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' && !event.shiftKey) {
            event.preventDefault();
            form.requestSubmit();
        }
    });

    stopButton.addEventListener('click', async () => {
        try {
            await current?.stop?.();
        }
        catch (error) {
            view.fail(error.message);
        }
    });

    // An error thrown in an event handler of a transport (a TODO not done yet, say)
    // shows on the page instead of only in the console.
    window.addEventListener('error', (event) => view.fail(event.message));
    window.addEventListener('unhandledrejection', (event) => view.fail(String(event.reason?.message ?? event.reason)));
    return view;
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
