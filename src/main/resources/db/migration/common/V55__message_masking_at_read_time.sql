-- Issue 14, PROT-25: whether a message's text is shown to a reader is decided when it is read, from
-- today's protection of its person, never from a flag stored when it was written. The flag that
-- stored "the sender confirmed the text names the protected person" goes: for a reader to whom the
-- person is masked, every text and every field but the neutral ones are withheld, whenever written.
alter table message drop column body_withheld_when_masked;
