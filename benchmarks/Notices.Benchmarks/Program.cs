using Notices.Benchmarks;

// dotnet run -c Release --project benchmarks/Notices.Benchmarks -- city [units] [rows] [districts] [sqlite|postgres]
// dotnet run -c Release --project benchmarks/Notices.Benchmarks -- pdf [iterations] [kind] [units] [folder]
// dotnet run -c Release --project benchmarks/Notices.Benchmarks -- posting [iterations] [kind]
return args.FirstOrDefault() switch
{
    "city" => await CityBenchmark.RunAsync(args.Skip(1).ToArray()),
    "city-import" => await CityBenchmark.ImportAsync(args.Skip(1).ToArray()),
    "city-node" => await CityNodeBenchmark.RunAsync(args.Skip(1).ToArray()),
    "pdf" => PdfBenchmark.Run(args.Skip(1).ToArray()),
    "posting" => PostingBenchmark.Run(args.Skip(1).ToArray()),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine(
        "usage: Notices.Benchmarks city [units=1000] [rows=1000000] [districts=10] [sqlite|postgres]");
    Console.Error.WriteLine("       (postgres: on the server NOTICES_BENCH_POSTGRES names)");
    Console.Error.WriteLine("       Notices.Benchmarks pdf [iterations=50] [kind=half-year] [units=seed] [folder]");
    Console.Error.WriteLine("       Notices.Benchmarks posting [iterations=50] [kind=half-year]");
    return 2;
}
