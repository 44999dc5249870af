// The page's transport for lesson 05: the reply streams in through the browser's
// EventSource, which reconnects by itself when the connection drops, and resumes.
import { chatPage, postJson, problemMessage, todo } from '/kit/page.js';

chatPage({
    sse: async (prompt, view) => {
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

        return {
            async stop() {
                // TODO-02: cancel the reply on the server: POST /api/replies/{id}/cancel. Its
                //          stream then ends with "done", finishReason "cancelled". Ignore a 409
                //          (it had ended already); show any other error with view.fail.
                source.close();
                todo('TODO-02', 'in chat.js, make stop() cancel the reply on the server.');
            },
        };
    },
});
