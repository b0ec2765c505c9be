// Enter sends the question, Shift+Enter inserts a new line.
document.addEventListener("keydown", (event) => {
    const target = event.target;
    if (event.key !== "Enter" || event.shiftKey || event.isComposing) return;
    if (!(target instanceof HTMLTextAreaElement) || target.dataset.enterSubmits !== "true") return;
    event.preventDefault();
    target.form?.requestSubmit();
});
