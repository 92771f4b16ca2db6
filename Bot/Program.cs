using FirstLine.Bot.Hosting;

var app = FirstLineApp.Create(args);
await app.RunAsync();
