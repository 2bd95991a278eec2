using System.ComponentModel;
using Cake.Cli;
using Cake.Core.Diagnostics;
using Cake.Core.IO;
using Spectre.Console.Cli;

namespace Build.Hosting;

/// <summary>Cake's standard switches; everything else reaches the context as a Cake argument.</summary>
internal sealed class HostSettings : CommandSettings
{
    [CommandOption("--target|-t <TARGET>")]
    [DefaultValue("Default")]
    [Description("Target task to invoke.")]
    public string[] Targets { get; set; } = [];

    [CommandOption("--working|-w <PATH>")]
    [TypeConverter(typeof(Cake.Cli.DirectoryPathConverter))]
    [Description("Sets the working directory.")]
    public DirectoryPath? WorkingDirectory { get; set; }

    [CommandOption("--verbosity|-v <VERBOSITY>")]
    [Description("Specifies the amount of information to be displayed.\n(Quiet, Minimal, Normal, Verbose, Diagnostic)")]
    [TypeConverter(typeof(VerbosityConverter))]
    [DefaultValue(Verbosity.Normal)]
    public Verbosity Verbosity { get; set; }

    [CommandOption("--description|--descriptions|--showdescription|--showdescriptions")]
    [Description("Shows description for each task.")]
    public bool Description { get; set; }

    [CommandOption("--tree|--showtree")]
    [Description("Shows the task dependency tree.")]
    public bool Tree { get; set; }

    [CommandOption("--dryrun|--noop|--whatif")]
    [Description("Lists the tasks that would run, without running them.")]
    public bool DryRun { get; set; }

    [CommandOption("--exclusive|-e")]
    [Description("Executes the target task without any dependencies.")]
    public bool Exclusive { get; set; }
}
