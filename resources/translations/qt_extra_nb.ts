<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts (dialog buttons, text-field menus) in Bokmål: PySide6 ships Nynorsk only. -->
<TS version="2.1" language="nb_NO">
<context>
    <name>QPlatformTheme</name>
    <message><source>OK</source><translation>OK</translation></message>
    <message><source>Save</source><translation>Lagre</translation></message>
    <message><source>Save All</source><translation>Lagre alle</translation></message>
    <message><source>Open</source><translation>Åpne</translation></message>
    <message><source>&amp;Yes</source><translation>&amp;Ja</translation></message>
    <message><source>Yes to &amp;All</source><translation>Ja til &amp;alle</translation></message>
    <message><source>&amp;No</source><translation>&amp;Nei</translation></message>
    <message><source>N&amp;o to All</source><translation>N&amp;ei til alle</translation></message>
    <message><source>Abort</source><translation>Avbryt</translation></message>
    <message><source>Retry</source><translation>Prøv igjen</translation></message>
    <message><source>Ignore</source><translation>Ignorer</translation></message>
    <message><source>Close</source><translation>Lukk</translation></message>
    <message><source>Cancel</source><translation>Avbryt</translation></message>
    <message><source>Discard</source><translation>Forkast</translation></message>
    <message><source>Help</source><translation>Hjelp</translation></message>
    <message><source>Apply</source><translation>Bruk</translation></message>
    <message><source>Reset</source><translation>Tilbakestill</translation></message>
    <message><source>Restore Defaults</source><translation>Gjenopprett standard</translation></message>
</context>
<context>
    <name>QLineEdit</name>
    <message><source>&amp;Undo</source><translation>&amp;Angre</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Gjør om</translation></message>
    <message><source>Cu&amp;t</source><translation>Klipp &amp;ut</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Kopier</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Lim inn</translation></message>
    <message><source>Delete</source><translation>Slett</translation></message>
    <message><source>Select All</source><translation>Merk alt</translation></message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message><source>&amp;Undo</source><translation>&amp;Angre</translation></message>
    <message><source>&amp;Redo</source><translation>&amp;Gjør om</translation></message>
    <message><source>Cu&amp;t</source><translation>Klipp &amp;ut</translation></message>
    <message><source>&amp;Copy</source><translation>&amp;Kopier</translation></message>
    <message><source>&amp;Paste</source><translation>&amp;Lim inn</translation></message>
    <message><source>Delete</source><translation>Slett</translation></message>
    <message><source>Select All</source><translation>Merk alt</translation></message>
    <message><source>Copy &amp;Link Location</source><translation>Kopier &amp;lenkeadresse</translation></message>
</context>
</TS>
