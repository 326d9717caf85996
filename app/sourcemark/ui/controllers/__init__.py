"""The window's controllers: plain QObjects with one job each (the import queue, the
outputs, the database, others' changes, the roll-ups, correcting claims, the dialogs).
The window builds the widgets and hands each controller what it uses; a controller tells
the window what happened through its signals."""
