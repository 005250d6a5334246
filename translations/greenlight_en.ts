<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>gl::CredentialJob</name>
    <message numerus="yes">
        <source>The keychain did not answer within %n second(s).</source>
        <translation><numerusform>The keychain did not answer within %n second.</numerusform><numerusform>The keychain did not answer within %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>gl::HaproxyRuntimeClient</name>
    <message numerus="yes">
        <source>(%n more command(s) refused)</source>
        <translation><numerusform>(%n more command refused)</numerusform><numerusform>(%n more commands refused)</numerusform></translation>
    </message>
</context>
<context>
    <name>gl::ui::MainWindow</name>
    <message numerus="yes">
        <source>Environment %1: backend %2, %n slot(s)</source>
        <translation><numerusform>Environment %1: backend %2, %n slot</numerusform><numerusform>Environment %1: backend %2, %n slots</numerusform></translation>
    </message>
</context>
</TS>
