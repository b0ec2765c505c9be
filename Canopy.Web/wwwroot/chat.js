// Enter sends the question, Shift+Enter inserts a new line.
document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (!(target instanceof HTMLTextAreaElement) || target.dataset.enterSubmits !== "true") return;
    event.preventDefault();
    target.form?.requestSubmit();
});

// Small helpers the Blazor components call through JS interop.
window.canopy = {
    storage: {
        get: (key) => { try { return localStorage.getItem(key); } catch { return null; } },
        set: (key, value) => { try { localStorage.setItem(key, value); } catch { /* storage full or disabled */ } },
    },
    copy: async (text) => {
        try {
            await navigator.clipboard.writeText(text);
            return true;
        } catch {
            // Clipboard API refused (insecure origin, no permission): fall back to a hidden textarea.
            const area = document.createElement("textarea");
            area.value = text;
            area.setAttribute("readonly", "");
            area.style.position = "fixed";
            area.style.opacity = "0";
            document.body.appendChild(area);
            area.select();
            const ok = document.execCommand("copy");
            area.remove();
            return ok;
        }
    },
    scrollToBottom: (selector) => {
        const element = document.querySelector(selector);
        if (element) element.scrollTop = element.scrollHeight;
    },
    scrollIntoView: (selector) => document.querySelector(selector)?.scrollIntoView({ block: "center" }),
    focus: (selector) => document.querySelector(selector)?.focus(),
};
