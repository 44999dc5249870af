// The page's transport for lesson 05: the reply streams in through the browser's
// EventSource, which reconnects by itself when the connection drops, and resumes.
import { chatPage, postJson, todo } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
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

// Cancels the reply on the server: its stream then ends with a "done" event whose
// finishReason is "cancelled", which sets the status.
async function cancel(reply, view, close) {
    // TODO-02: cancel the reply on the server: POST /api/replies/{id}/cancel. Its
    //          stream then ends with a "done" event whose finishReason is "cancelled".
    //          A 409 means it had ended already: nothing to do. On any other error
    //          status, close() the stream and fail with the problem's detail.
    close();
    todo('TODO-02', 'in chat.js, make stop() cancel the reply on the server.');
}
