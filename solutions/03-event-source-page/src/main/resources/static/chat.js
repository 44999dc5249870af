// The page's transport for lesson 03: the reply streams in through the browser's EventSource.
import { chatPage, postJson } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
});

// Starts a reply for the prompt, and reads it with an EventSource.
async function streamWithEventSource(prompt, view) {
    const response = await postJson('/api/replies', { prompt });
    const reply = await response.json();

    const source = new EventSource(reply.stream);
    source.addEventListener('token', (event) => showToken(event, view));
    source.addEventListener('done', () => showDone(source, view));
    source.addEventListener('error', (event) => showError(event, source, view));

    return {
        stop() {
            // The server notices on its next write, and stops generating.
            source.close();
            view.setStatus('cancelled');
        },
    };
}

function showToken(event, view) {
    view.append(JSON.parse(event.data).text);
}

function showDone(source, view) {
    // Close it: when the server ends the stream, EventSource would reconnect.
    source.close();
    view.setStatus('done');
}

// Called for the server's "error" event (it has data) and for a lost connection (no data).
function showError(event, source, view) {
    source.close();
    view.fail(event.data ? JSON.parse(event.data).message : 'The connection to the stream was lost.');
}
