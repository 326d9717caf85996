; Inno Setup script: installs the PyInstaller folder dist\sourcemark, adds a Start menu
; entry, offers "Open with Sourcemark" for the formats the app imports, and uninstalls
; cleanly. packaging\build.py runs it with /DAppVersion=... when iscc.exe is on PATH.
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif

[Setup]
AppId={{6E0F2B5C-4D61-4C1B-9B8E-5F0A9C7D3E21}
AppName=Sourcemark
AppVersion={#AppVersion}
AppPublisher=Sourcemark contributors
DefaultDirName={autopf}\Sourcemark
DefaultGroupName=Sourcemark
UninstallDisplayIcon={app}\sourcemark.exe
OutputDir=..\..\dist
OutputBaseFilename=Sourcemark-{#AppVersion}-windows-setup
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes
WizardStyle=modern

[Tasks]
Name: "desktopicon"; Description: "Create a &desktop shortcut"; Flags: unchecked

[Files]
Source: "..\..\dist\sourcemark\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\Sourcemark"; Filename: "{app}\sourcemark.exe"
Name: "{group}\Uninstall Sourcemark"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Sourcemark"; Filename: "{app}\sourcemark.exe"; Tasks: desktopicon

[Registry]
; "Open with Sourcemark" for every format it imports (it does not take over the default)
Root: HKA; Subkey: "Software\Classes\Sourcemark.Article"; ValueType: string; ValueData: "News article"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Sourcemark.Article\DefaultIcon"; ValueType: string; ValueData: "{app}\sourcemark.exe,0"
Root: HKA; Subkey: "Software\Classes\Sourcemark.Article\shell\open\command"; ValueType: string; ValueData: """{app}\sourcemark.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\.html\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.htm\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.md\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.eml\OpenWithProgids"; ValueType: string; ValueName: "Sourcemark.Article"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\sourcemark.exe"; Description: "Start Sourcemark"; Flags: nowait postinstall skipifsilent
