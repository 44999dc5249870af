// The page's transport for lesson 03: the reply streams in through the browser's EventSource.
import { chatPage, postJson, todo } from '/kit/page.js';

chatPage({
    sse: streamWithEventSource,
});

// Starts a reply for the prompt, and reads it with an EventSource.
async function streamWithEventSource(prompt, view) {
    const response = await postJson('/api/replies', { prompt });
    const reply = await response.json();

    // TODO-01: open the reply's stream: an EventSource on reply.stream.
    const source = todo('TODO-01', 'in chat.js, open an EventSource on reply.stream (Hint 1).');
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
    // TODO-02: event.data is the text of the event's data line, JSON: {"seq":0,"text":"1"}.
    //          Append only the token's text to the answer (Hint 3).
    view.append(event.data);
}

function showDone(source, view) {
    // TODO-03: the reply has ended: set the status to 'done'. Keep the close, first: step 3
    //          of the README says why it must stay.
    source.close();
    todo('TODO-03', 'in chat.js, on "done", set the status to done (Hint 5).');
}

// Called for the server's "error" event (it has data) and for a lost connection (no data).
function showError(event, source, view) {
    // TODO-04: close the EventSource, and show the failure with view.fail(message).
    todo('TODO-04', 'in chat.js, on "error", close the EventSource and show the failure with view.fail (Hint 7).');
}
