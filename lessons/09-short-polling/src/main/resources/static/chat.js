// The page's transports for lesson 08:
// - 'sse' reads the reply with the browser's EventSource (a GET), as in lessons 03 to 05;
// - 'fetch' POSTs the prompt and reads the reply from the response's body, as ChatGPT
//   does, and resumes with the GET stream when that response is lost (lesson 06);
// - 'ws' sends the prompt over the page's one WebSocket, and reads the reply's frames
//   from it, among those of any other reply streaming on the same socket; when the socket
//   is lost, it opens a new one and resumes every reply that was streaming (lesson 08);
// - 'short-poll' asks the server for the reply's new tokens every few hundred
//   milliseconds, each time from the first token it still needs (lesson 09).
import { chatPage, postJson, problemMessage, todo } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
    fetch: streamOverPost,
    ws: streamOverWebSocket,
    'short-poll': shortPoll,
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
    await new Promise((resolve) => setTimeout(resolve, state.retry));
    const headers = { Accept: 'text/event-stream' };
    if (state.lastEventId !== '') {
        headers['Last-Event-ID'] = state.lastEventId;
    }
    try {
        return await fetch(state.reply.stream, { headers });
    }
    catch (error) {
        throw new ConnectionLost(error.message); // the server cannot be reached: try again
    }
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
    const reader = body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    let lastEventId = connection.lastEventId;
    let event = { type: '', data: [] };
    try {
        while (true) {
            const { value, done } = await read(reader);
            buffer += done ? '' : value;
            // A line ends with \r\n, \n or \r. A \r at the end of what has come so far may
            // be the first half of a \r\n: keep it for the next chunk, unless the body has ended.
            const held = (!done && buffer.endsWith('\r')) ? 1 : 0;
            const lines = buffer.slice(0, buffer.length - held).split(/\r\n|\r|\n/);
            buffer = lines.pop() + buffer.slice(buffer.length - held);
            for (const line of lines) {
                if (line === '') {
                    // A blank line dispatches the event, if it has data.
                    if (event.data.length > 0) {
                        yield { type: event.type || 'message', data: event.data.join('\n'), id: lastEventId };
                    }
                    event = { type: '', data: [] };
                    continue;
                }
                if (line.startsWith(':')) {
                    continue; // a comment, such as the server's keep-alive
                }
                const colon = line.indexOf(':');
                const field = (colon < 0) ? line : line.slice(0, colon);
                let text = (colon < 0) ? '' : line.slice(colon + 1);
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
                    lastEventId = text;
                }
                else if (field === 'retry' && /^[0-9]+$/.test(text)) {
                    connection.retry = Number(text);
                }
            }
            if (done) {
                return; // what is left is an event not ended by a blank line: dropped, as the standard says
            }
        }
    }
    finally {
        reader.releaseLock();
    }
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

// The page's WebSocket, shared by every reply streamed over 'ws': a promise of it, from the
// first prompt until it closes; the next prompt then opens a new one. While the page
// reconnects, it is the promise of the new socket.
let socket = null;

// The prompts sent over it that the server has not answered yet (with a reply frame or an
// error frame), by the ref the page gave each, in the order sent; and the replies
// streaming over it, by id. Each is { ref, id, view, stopped, next }, next being the seq of
// the next token to show: where to resume from.
const unanswered = new Map();
const streaming = new Map();
let lastRef = 0;

// How the page reconnects a lost socket, as EventSource did by itself for SSE: the first
// try after about FIRST_DELAY ms, each next one after twice as long, up to MAX_DELAY, and
// it gives up after MAX_TRIES tries in a row.
const FIRST_DELAY = 500;
const MAX_DELAY = 8000;
const MAX_TRIES = 10;

async function streamOverWebSocket(prompt, view) {
    socket ??= openSocket();
    const ws = await socket;
    const reply = { ref: String(++lastRef), id: null, view, stopped: false, next: 0 };
    unanswered.set(reply.ref, reply);
    ws.send(JSON.stringify({ type: 'prompt', prompt, ref: reply.ref }));
    return { stop: () => stopOverWebSocket(reply) };
}

// Opens the page's socket to /ws/chat on the server the page came from, and resolves to it
// once it is open. Each frame that comes goes to receive(); when the socket closes after it
// was open, the replies on it have lost their connection.
function openSocket() {
    // The page's own host and port (never a hard-coded localhost), over wss: when the page
    // came over https:, as a browser refuses a plain ws: socket from a secure page.
    const url = (location.protocol === 'https:' ? 'wss:' : 'ws:') + '//' + location.host + '/ws/chat';
    return new Promise((resolve, reject) => {
        const ws = new WebSocket(url);
        let opened = false;
        ws.addEventListener('open', () => {
            opened = true;
            resolve(ws);
        });
        ws.addEventListener('message', (event) => receive(JSON.parse(event.data)));
        ws.addEventListener('close', (event) => {
            if (opened) {
                socketClosed();
            }
            else {
                reject(new Error(`The socket ${url} could not be opened (close code ${event.code}).`));
            }
        });
    });
}

// Shows a frame on the view of the reply it is about.
function receive(frame) {
    if (frame.type === 'reply') {
        const reply = unanswered.get(frame.ref);
        unanswered.delete(frame.ref);
        reply.id = frame.id;
        streaming.set(frame.id, reply);
        if (reply.stopped) {
            cancel(reply, reply.view, () => {}); // Stop was pressed before this frame came
        }
        return;
    }
    if (frame.type === 'error' && frame.id === null) {
        // About no reply: the server refused a prompt. It answers prompts in the order they
        // were sent, so this is the answer to the oldest one not answered yet.
        const [ref, reply] = unanswered.entries().next().value;
        unanswered.delete(ref);
        reply.view.fail(frame.message);
        return;
    }
    const reply = streaming.get(frame.id);
    if (reply === undefined) {
        return; // about a reply this page no longer streams
    }
    if (frame.type === 'token') {
        if (frame.seq < reply.next) {
            return; // shown already
        }
        reply.next = frame.seq + 1;
        reply.view.setStatus('streaming');
        reply.view.append(frame.text);
    }
    else if (frame.type === 'done') {
        streaming.delete(frame.id);
        reply.view.setStatus(frame.finishReason === 'cancelled' ? 'cancelled' : 'done');
    }
    else if (frame.type === 'error') {
        streaming.delete(frame.id);
        reply.view.fail(frame.message);
    }
}

// The socket has closed: a prompt not answered yet is lost (the page cannot know whether the
// server got it), a reply that was streaming resumes on a new socket.
function socketClosed() {
    socket = null;
    for (const reply of unanswered.values()) {
        reply.view.fail('The connection to the chat was lost before the prompt was answered: ask again.');
    }
    unanswered.clear();
    if (streaming.size > 0) {
        socket = reconnect();
        socket.catch((error) => {
            // It gave up: the replies still streaming have lost their connection.
            socket = null;
            for (const reply of streaming.values()) {
                reply.view.fail(error.message);
            }
            streaming.clear();
        });
    }
}

// Opens a new socket, trying again after a delay that doubles each time, and resumes on it
// every reply that was streaming, from the next token each one needs: what EventSource did by
// itself. The promise of the new socket; it rejects when the page gives up.
async function reconnect() {
    for (const reply of streaming.values()) {
        reply.view.setStatus('reconnecting');
    }
    for (let tries = 0; tries < MAX_TRIES; tries++) {
        await new Promise((resolve) => setTimeout(resolve, backoff(tries)));
        try {
            const ws = await openSocket();
            for (const reply of streaming.values()) {
                ws.send(JSON.stringify({ type: 'resume', id: reply.id, from: reply.next }));
            }
            return ws;
        }
        catch (error) {
            // not open yet: try again, a little later
        }
    }
    throw new Error('The connection to the chat was lost.');
}

// The delay before try number `tries` (from 0): FIRST_DELAY, doubled at each try, at most
// MAX_DELAY, then drawn at random between half of it and all of it. Without that jitter, every
// page cut by the same failure (a server restarting) would come back at the same instant.
function backoff(tries) {
    const delay = Math.min(MAX_DELAY, FIRST_DELAY * 2 ** tries);
    return delay / 2 + Math.random() * delay / 2;
}

// Stops the reply, even if Stop is pressed before its reply frame has named it: it is then
// cancelled as soon as that frame comes. It cancels with HTTP's POST .../cancel, not with a
// cancel frame: the POST works while the socket is lost and the page reconnects, and its
// status says at once whether the reply had ended (409); the reply's done frame, cancelled,
// comes over the socket either way.
async function stopOverWebSocket(reply) {
    reply.stopped = true;
    if (reply.id !== null) {
        await cancel(reply, reply.view, () => {});
    }
}

// How many polls in a row may go unanswered (the server cannot be reached, or is busy)
// before the short-poll transport gives up.
const MAX_POLL_FAILURES = 10;

// Starts a reply, then polls it until it ends: no connection stays open in between.
async function shortPoll(prompt, view) {
    const reply = await (await postJson('/api/replies', { prompt })).json();
    const settings = await fetch('/api/polling');
    if (!settings.ok) {
        throw new Error(await problemMessage(settings));
    }
    const { intervalMs } = await settings.json();
    // texts[seq] is token seq's text once a poll has brought it; next is the seq of the first
    // token the page still needs: where the next poll starts.
    const state = { reply, view, texts: [], next: 0, stopped: false };
    pollUntilTheEnd(state, intervalMs).catch((error) => view.fail(error.message)); // goes on in the background
    return { stop: () => cancel(reply, view, () => { state.stopped = true; }) };
}

// Puts each token at its seq, and shows those that follow the last one shown. The seq
// decides, not the order answers come in: a token answered twice (a late answer to an
// earlier poll) is shown once, and a token is never shown before the one it follows. The
// next poll starts at state.next, the answer's own "next" when answers come in order.
export function place(state, tokens) {
    // TODO-03: put each token's text at state.texts[token.seq], unless a poll brought it already;
    //          then, while state.texts[state.next] is there, append it to state.view and move
    //          state.next on by one.
    todo('TODO-03', 'in chat.js, put the polled tokens in place by seq (Hint 5).');
}

function showEnd(view, finishReason) {
    if (finishReason === 'error') {
        view.fail('The model failed in the middle of the reply.');
    }
    else {
        view.setStatus(finishReason === 'cancelled' ? 'cancelled' : 'done');
    }
}

// Polls every intervalMs from the first token the page still needs, until an answer says
// done. A poll that gets no answer, or a busy server's 429, 502, 503 or 504, is asked
// again from the same place, after what its Retry-After says if it has one; any other
// error status ends the reply with the problem's detail.
async function pollUntilTheEnd(state, intervalMs) {
    // TODO-04: until state.stopped, poll(state.reply, state.next). When a batch came: set the
    //          status to 'streaming', place(state, batch.tokens), and once batch.done,
    //          showEnd(state.view, batch.finishReason) and return; else sleep(intervalMs) and
    //          poll again. When none came: a response with a status other than 429, 502, 503 or
    //          504 fails the view with its problemMessage(response); otherwise count the failure
    //          (more than MAX_POLL_FAILURES in a row fails the view), set the status to
    //          'reconnecting', and wait retryAfter(response) ?? intervalMs before the next poll.
    todo('TODO-04', 'in chat.js, poll the reply until it ends in pollUntilTheEnd (Hint 7).');
}

// GETs the reply's tokens from `from` on: { batch } when the server answered them, else
// { response } (an error status), or { response: null } when no answer came (the server
// could not be reached, or the answer was cut).
async function poll(reply, from) {
    try {
        const response = await fetch(`/api/replies/${reply.id}/tokens?from=${from}`);
        return response.ok ? { batch: await response.json() } : { response };
    }
    catch (error) {
        return { response: null };
    }
}

// How long a response's Retry-After header says to wait, in ms: a number of seconds or an
// HTTP date (RFC 9110). Null when there is none the page can read.
export function retryAfter(response) {
    // TODO-05: read the response's Retry-After header (response is null when no answer came):
    //          a number of seconds, or an HTTP date (Date.parse). Return the wait in ms; null
    //          when there is none the page can read. Until then, the page ignores Retry-After.
    return null;
}

function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}
