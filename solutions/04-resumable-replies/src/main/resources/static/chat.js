// The page's transport for lesson 04: the reply streams in through the browser's
// EventSource, which reconnects by itself when the connection drops, and resumes.
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
            // Closes this page's stream only: the reply goes on, on the server.
            source.close();
            view.setStatus('cancelled');
        },
    };
}

function showToken(event, view) {
    view.setStatus('streaming'); // back from 'reconnecting', if it was
    view.append(JSON.parse(event.data).text);
}

function showDone(source, view) {
    // Close it: when the server ends the stream, EventSource would reconnect.
    source.close();
    view.setStatus('done');
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
