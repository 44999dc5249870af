@echo off
rem The workshop's tool: workshop help
rem Runs tools\Workshop.java with the JDK's source launcher, on the java of JAVA_HOME when it is set.
setlocal
if defined JAVA_HOME goto javaHome
where java >nul 2>nul
if errorlevel 1 goto noJava
set "WORKSHOP_JAVA=java"
goto run

:javaHome
set "WORKSHOP_JAVA=%JAVA_HOME%\bin\java.exe"
if exist "%WORKSHOP_JAVA%" goto run
echo JAVA_HOME is "%JAVA_HOME%", but it has no bin\java.exe: set JAVA_HOME to a JDK 21 or newer. 1>&2
exit /b 1

:noJava
echo No java found: install a JDK 21 or newer, or set JAVA_HOME to one. 1>&2
exit /b 1

:run
"%WORKSHOP_JAVA%" "%~dp0tools\Workshop.java" %*
exit /b %ERRORLEVEL%
