"""The window's panels, one widget each: the story list, the claims table with its filter
bar, the article pane and the empty state a new database shows."""


def fit_columns(view, header, titles, values: dict[int, list[str]], mode, margin: int) -> None:
    """A view's columns as wide as the widest of their title and the values they can hold
    (plus ``margin`` for the cell's padding and the sort arrow), never measured from rows."""
    metrics = view.fontMetrics()
    for column, texts in values.items():
        widest = max(metrics.horizontalAdvance(text) for text in [*texts, titles[column]])
        header.setSectionResizeMode(column, mode)
        header.resizeSection(column, widest + margin)
