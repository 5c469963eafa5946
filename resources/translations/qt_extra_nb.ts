<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<!-- Qt's own texts (dialog buttons, text-field menus, the file dialog) in Bokmål: PySide6 ships Nynorsk only. -->
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
<context>
    <name>QFileDialog</name>
    <message><source>Look in:</source><translation>Søk i:</translation></message>
    <message><source>&amp;Look in:</source><translation>&amp;Søk i:</translation></message>
    <message><source>Back</source><translation>Tilbake</translation></message>
    <message><source>Forward</source><translation>Fremover</translation></message>
    <message><source>Parent Directory</source><translation>Overordnet mappe</translation></message>
    <message><source>Create New Folder</source><translation>Opprett ny mappe</translation></message>
    <message><source>List View</source><translation>Listevisning</translation></message>
    <message><source>Detail View</source><translation>Detaljvisning</translation></message>
    <message><source>File &amp;name:</source><translation>Fil&amp;navn:</translation></message>
    <message><source>Files of type:</source><translation>Filtype:</translation></message>
    <message><source>Files of &amp;type:</source><translation>Fil&amp;type:</translation></message>
    <message><source>&amp;Open</source><translation>&amp;Åpne</translation></message>
    <message><source>&amp;Save</source><translation>&amp;Lagre</translation></message>
    <message><source>&amp;Choose</source><translation>&amp;Velg</translation></message>
    <message><source>Open</source><translation>Åpne</translation></message>
    <message><source>Save As</source><translation>Lagre som</translation></message>
    <message><source>Find Directory</source><translation>Finn mappe</translation></message>
    <message><source>Directory:</source><translation>Mappe:</translation></message>
    <message><source>&amp;Rename</source><translation>&amp;Gi nytt navn</translation></message>
    <message><source>&amp;Delete</source><translation>&amp;Slett</translation></message>
    <message><source>Show &amp;hidden files</source><translation>Vis &amp;skjulte filer</translation></message>
    <message><source>&amp;New Folder</source><translation>&amp;Ny mappe</translation></message>
    <message><source>New Folder</source><translation>Ny mappe</translation></message>
    <message><source>All Files (*)</source><translation>Alle filer (*)</translation></message>
    <message><source>Directories</source><translation>Mapper</translation></message>
    <message><source>Recent Places</source><translation>Nylig brukte steder</translation></message>
    <message><source>My Computer</source><translation>Min datamaskin</translation></message>
    <message><source>Computer</source><translation>Datamaskin</translation></message>
    <message><source>Sidebar</source><translation>Sidepanel</translation></message>
    <message><source>List of places and bookmarks</source><translation>Steder og bokmerker</translation></message>
    <message><source>Files</source><translation>Filer</translation></message>
    <message><source>Drive</source><translation>Stasjon</translation></message>
    <message><source>File</source><translation>Fil</translation></message>
    <message><source>Unknown</source><translation>Ukjent</translation></message>
    <message><source>%1 already exists.&#10;Do you want to replace it?</source><translation>%1 finnes allerede.&#10;Vil du erstatte den?</translation></message>
    <message><source>%1&#10;File not found.&#10;Please verify the correct file name was given.</source><translation>%1&#10;Fant ikke filen.&#10;Sjekk at filnavnet er riktig.</translation></message>
    <message><source>%1&#10;Directory not found.&#10;Please verify the correct directory name was given.</source><translation>%1&#10;Fant ikke mappen.&#10;Sjekk at mappenavnet er riktig.</translation></message>
    <message><source>Are you sure you want to delete &apos;%1&apos;?</source><translation>Vil du virkelig slette «%1»?</translation></message>
    <message><source>&apos;%1&apos; is write protected.&#10;Do you want to delete it anyway?</source><translation>«%1» er skrivebeskyttet.&#10;Vil du slette den likevel?</translation></message>
    <message><source>Could not delete directory.</source><translation>Kunne ikke slette mappen.</translation></message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message><source>Name</source><translation>Navn</translation></message>
    <message><source>Size</source><translation>Størrelse</translation></message>
    <message><source>Type</source><comment>All other platforms</comment><translation>Type</translation></message>
    <message><source>Kind</source><comment>Match OS X Finder</comment><translation>Type</translation></message>
    <message><source>Date Modified</source><translation>Endret</translation></message>
    <message><source>My Computer</source><translation>Min datamaskin</translation></message>
    <message><source>Computer</source><translation>Datamaskin</translation></message>
    <message><source>&lt;b&gt;The name "%1" cannot be used.&lt;/b&gt;&lt;p&gt;Try using another name, with fewer characters or no punctuation marks.</source><translation>&lt;b&gt;Navnet «%1» kan ikke brukes.&lt;/b&gt;&lt;p&gt;Prøv et annet navn, med færre tegn eller uten skilletegn.</translation></message>
    <message><source>Invalid filename</source><translation>Ugyldig filnavn</translation></message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message><source>Drive</source><translation>Stasjon</translation></message>
    <message><source>%1 File</source><translation>%1-fil</translation></message>
    <message><source>File</source><translation>Fil</translation></message>
    <message><source>Folder</source><comment>All other platforms</comment><translation>Mappe</translation></message>
    <message><source>File Folder</source><comment>Match Windows Explorer</comment><translation>Filmappe</translation></message>
    <message><source>Alias</source><comment>Mac OS X Finder</comment><translation>Alias</translation></message>
    <message><source>Shortcut</source><comment>Windows</comment><translation>Snarvei</translation></message>
</context>
</TS>
