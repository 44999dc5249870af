// The page's transport for lesson 01: one POST, and the whole reply once it has ended.
import { chatPage, postJson } from '/kit/page.js';

chatPage({
    blocking: async (prompt, view) => {
        const response = await postJson('/api/chat', { prompt });
        const reply = await response.json();
        view.show(reply.text);
        view.setStatus(reply.finishReason === 'stop' ? 'done' : 'error');
    },
});
