global using FirstLine.Channels.Schema;
