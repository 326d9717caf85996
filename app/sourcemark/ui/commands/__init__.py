"""Every undoable step of the window (QUndoCommand): the guarded base that writes to the
database (store), and the changes to claims, registries and corroborations."""
