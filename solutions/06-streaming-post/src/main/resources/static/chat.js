// The page's transports for lesson 06:
// - 'sse' reads the reply with the browser's EventSource (a GET), as in lessons 03 to 05;
// - 'fetch' POSTs the prompt and reads the reply from the response's body, as ChatGPT
//   does, and resumes with the GET stream when that response is lost.
import { chatPage, postJson, problemMessage } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
    fetch: streamOverPost,
});

async function streamWithEventSource(prompt, view) {
    const response = await postJson('/api/replies', { prompt });
    const reply = await response.json();

    const source = new EventSource(reply.stream);
    source.addEventListener('token', (event) => {
        view.setStatus('streaming'); // back from 'reconnecting', if it was
        view.append(JSON.parse(event.data).text);
    });
    source.addEventListener('done', (event) => {
        // Close it: when the server ends the stream, EventSource would reconnect.
        source.close();
        view.setStatus(JSON.parse(event.data).finishReason === 'cancelled' ? 'cancelled' : 'done');
    });
    // Called for the server's "error" event (it has data) and for a lost connection (no data).
    source.addEventListener('error', (event) => {
        if (event.data) {
            source.close();
            view.fail(JSON.parse(event.data).message);
        }
        else if (source.readyState === EventSource.CONNECTING) {
            // EventSource reconnects on its own, sending Last-Event-ID: the server resumes.
            view.setStatus('reconnecting');
        }
        else {
            view.fail('The connection to the stream was lost.');
        }
    });
    return { stop: () => cancel(reply, view, () => source.close()) };
}

async function streamOverPost(prompt, view) {
    // The POST answers with the stream itself: its first event, "reply", names the reply.
    const response = await postJson('/api/chat', { prompt }, 'text/event-stream');
    const state = { reply: null, lastEventId: null, ended: false };
    readUntilTheEnd(response, state, view).catch((error) => view.fail(error.message)); // goes on in the background
    return { stop: () => state.reply && cancel(state.reply, view, () => {}) };
}

// Reads the POST's response; when it breaks before the reply's end, resumes with the GET
// stream after the last event received, as EventSource would have done by itself.
async function readUntilTheEnd(response, state, view) {
    for (let attempt = 0; ; attempt++) {
        try {
            await readReply(response.body, state, view);
        }
        catch (error) {
            if (!(error instanceof TypeError)) {
                throw error; // a bug, not a network error: show it
            }
            // the connection broke: resume below
        }
        if (state.ended) {
            return;
        }
        if (state.reply === null || attempt === 10) {
            view.fail('The connection to the stream was lost.');
            return;
        }
        view.setStatus('reconnecting');
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const headers = { 'Accept': 'text/event-stream' };
        if (state.lastEventId !== null) {
            headers['Last-Event-ID'] = state.lastEventId;
        }
        try {
            response = await fetch(state.reply.stream, { headers });
        }
        catch {
            continue; // the server is not reachable yet: try again
        }
        if (!response.ok || response.status === 204) {
            view.fail(response.ok ? 'The reply had ended.' : await problemMessage(response));
            return;
        }
    }
}

// Shows the events of one response, and remembers where the reply stands.
async function readReply(body, state, view) {
    for await (const event of readEvents(body)) {
        if (event.id !== null) {
            state.lastEventId = event.id;
        }
        const data = JSON.parse(event.data);
        if (event.type === 'reply') {
            state.reply = data;
        }
        else if (event.type === 'token') {
            view.setStatus('streaming');
            view.append(data.text);
        }
        else if (event.type === 'done') {
            state.ended = true;
            view.setStatus(data.finishReason === 'cancelled' ? 'cancelled' : 'done');
        }
        else if (event.type === 'error') {
            state.ended = true;
            view.fail(data.message);
        }
    }
}

// Parses a text/event-stream body as the HTML standard says ("Interpreting an event
// stream"), and yields each event as { type, data, id } (id null when it has none).
async function* readEvents(body) {
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let event = { type: '', data: [], id: null };
    try {
        while (true) {
            const { value, done } = await reader.read();
            if (done) {
                return; // an event not ended by a blank line is dropped, as the standard says
            }
            buffer += value;
            // A line ends with \r\n, \n or \r; a \r at the very end may be half of a \r\n.
            const complete = buffer.endsWith('\r') ? buffer.slice(0, -1) : buffer;
            const lines = complete.split(/\r\n|\r|\n/);
            buffer = lines.pop() + buffer.slice(complete.length);
            for (const line of lines) {
                if (line === '') {
                    if (event.data.length > 0) {
                        yield { type: event.type || 'message', data: event.data.join('\n'), id: event.id };
                    }
                    event = { type: '', data: [], id: null };
                    continue;
                }
                if (line.startsWith(':')) {
                    continue; // a comment, such as the server's keep-alive
                }
                const colon = line.indexOf(':');
                const field = colon < 0 ? line : line.slice(0, colon);
                let text = colon < 0 ? '' : line.slice(colon + 1);
                if (text.startsWith(' ')) {
                    text = text.slice(1);
                }
                if (field === 'event') {
                    event.type = text;
                }
                else if (field === 'data') {
                    event.data.push(text);
                }
                else if (field === 'id' && !text.includes('\0')) {
                    event.id = text;
                }
            }
        }
    }
    finally {
        reader.releaseLock();
    }
}

// Cancels the reply on the server: its stream then ends with a "done" event whose
// finishReason is "cancelled", which sets the status.
async function cancel(reply, view, close) {
    const cancelled = await fetch(`/api/replies/${reply.id}/cancel`, { method: 'POST' });
    if (cancelled.status === 409) {
        return; // it had ended already
    }
    if (!cancelled.ok) {
        close();
        view.fail(await problemMessage(cancelled));
    }
}
