// The page's transport for lesson 03: the reply streams in through the browser's EventSource.
import { chatPage, postJson, todo } from '/kit/page.js';

chatPage({
    sse: async (prompt, view) => {
        const response = await postJson('/api/replies', { prompt });
        const reply = await response.json();

        // TODO-01: open the reply's stream: new EventSource(reply.stream).
        const source = todo('TODO-01', 'in chat.js, open an EventSource on reply.stream.');
        source.addEventListener('token', (event) => {
            // TODO-02: append the token's text, JSON.parse(event.data).text, to the answer.
            todo('TODO-02', 'in chat.js, append each token\'s text to the answer with view.append.');
        });
        source.addEventListener('done', () => {
            // TODO-03: close the EventSource, and set the status to 'done'.
            todo('TODO-03', 'in chat.js, on "done", close the EventSource and set the status to done.');
        });
        // TODO-04: on 'error' (the server's error event, or a lost connection), close the
        //          EventSource and show the failure with view.fail(message).

        return {
            stop() {
                // The server notices on its next write, and stops generating.
                source.close();
                view.setStatus('cancelled');
            },
        };
    },
});
