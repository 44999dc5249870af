// The page's transports for lesson 06:
// - 'sse' reads the reply with the browser's EventSource (a GET), as in lessons 03 to 05;
// - 'fetch' POSTs the prompt and reads the reply from the response's body, as ChatGPT
//   does, and resumes with the GET stream when that response is lost.
import { chatPage, postJson, problemMessage, todo } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
    fetch: streamOverPost,
});

// Starts a reply for the prompt, and reads it with an EventSource.
async function streamWithEventSource(prompt, view) {
    const response = await postJson('/api/replies', { prompt });
    const reply = await response.json();

    const source = new EventSource(reply.stream);
    source.addEventListener('token', (event) => showToken(event, view));
    source.addEventListener('done', (event) => {
        // Close it: when the server ends the stream, EventSource would reconnect.
        source.close();
        view.setStatus(JSON.parse(event.data).finishReason === 'cancelled' ? 'cancelled' : 'done');
    });
    source.addEventListener('error', (event) => showError(event, source, view));

    return { stop: () => cancel(reply, view, () => source.close()) };
}

function showToken(event, view) {
    view.setStatus('streaming'); // back from 'reconnecting', if it was
    view.append(JSON.parse(event.data).text);
}

// Called for the server's "error" event (it has data) and for a lost connection (no data).
function showError(event, source, view) {
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
}

// How many times in a row the fetch transport reconnects without receiving an event
// before it gives up.
const MAX_FAILURES_IN_A_ROW = 10;

// A connection that broke (fetch, or a read of the response's body, failed): the one
// failure the fetch transport resumes after. Any other error is a bug, and shows as one.
class ConnectionLost extends Error {
}

async function streamOverPost(prompt, view) {
    // The POST answers with the stream itself: its first event, "reply", names the reply.
    const response = await postJson('/api/chat', { prompt }, 'text/event-stream');
    // What EventSource would remember for us: the reply, the last event's id, the
    // server's retry: delay (1 s until it says), and whether the reply has ended.
    const state = { reply: null, lastEventId: '', retry: 1000, received: 0, ended: false, stopped: false };
    readUntilTheEnd(response, state, view).catch((error) => view.fail(error.message)); // goes on in the background
    return { stop: () => stop(state, view) };
}

// Reads the reply to its end: the POST's response, then, each time a response breaks or
// ends before the reply does, the GET stream after the last event received, as
// EventSource would do by itself.
async function readUntilTheEnd(firstResponse, state, view) {
    let response = firstResponse;
    let failures = 0;
    while (true) {
        const received = state.received;
        try {
            response ??= await resume(state);
            if (response.status === 204 || !response.ok) {
                view.fail(response.ok ? 'The reply had ended.' : await problemMessage(response));
                return;
            }
            await readReply(response.body, state, view);
        }
        catch (error) {
            if (!(error instanceof ConnectionLost)) {
                throw error; // a bug, not a lost connection: show it
            }
        }
        if (state.ended) {
            return;
        }
        // Failures in a row: a response that brought an event starts the count again.
        failures = (state.received > received) ? 1 : failures + 1;
        if (state.reply === null || failures > MAX_FAILURES_IN_A_ROW) {
            view.fail('The connection to the stream was lost.');
            return;
        }
        view.setStatus('reconnecting');
        response = null;
    }
}

// Waits the server's retry: delay, then GETs the reply's stream after the last event
// received (Last-Event-ID), as EventSource does when it reconnects.
async function resume(state) {
    // TODO-03: wait state.retry ms (the server's retry: delay), then GET state.reply.stream
    //          with the header Accept: text/event-stream, and Last-Event-ID: state.lastEventId
    //          when it is not ''. Return the response. When fetch itself fails (the server
    //          cannot be reached), throw a ConnectionLost, so that the caller tries again.
    todo('TODO-03', 'in chat.js, resume with the GET stream when the POST\'s response breaks.');

}

// Shows the events of one response, and remembers where the reply stands.
async function readReply(body, state, view) {
    for await (const event of readEvents(body, state)) {
        state.received++;
        state.lastEventId = event.id;
        const data = JSON.parse(event.data);
        if (event.type === 'reply') {
            state.reply = data;
            if (state.stopped) {
                await cancel(state.reply, view, () => {}); // Stop was pressed before this event came
            }
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
// stream"), and yields each event as { type, data, id }. Like EventSource, it keeps the
// last event id and the retry: delay in `connection`, which outlives one response.
export async function* readEvents(body, connection) {
    // TODO-02: read the body as text (body.pipeThrough(new TextDecoderStream()).getReader(),
    //          each chunk with read(reader)), split it into lines (\r\n, \n or \r, even when a
    //          chunk ends between a \r and its \n), and yield an event at each blank line:
    //          its type ("event:" field, 'message' without one), its data ("data:" lines
    //          joined with \n) and its id (the last "id:" field so far, starting from
    //          connection.lastEventId). Skip comments; a "retry:" of digits sets
    //          connection.retry. An event the body ends in the middle of is dropped.
    todo('TODO-02', 'in chat.js, parse the response body into events in readEvents.');

}

// Reads the next chunk of a body; a read that fails means the connection broke.
async function read(reader) {
    try {
        return await reader.read();
    }
    catch (error) {
        throw new ConnectionLost(error.message);
    }
}

// Stops the reply, even if Stop is pressed before the "reply" event has named it: it is
// then cancelled as soon as that event comes.
async function stop(state, view) {
    state.stopped = true;
    if (state.reply !== null) {
        await cancel(state.reply, view, () => {});
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
