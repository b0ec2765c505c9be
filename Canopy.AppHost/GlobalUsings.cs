global using Aspire.Hosting;
global using Aspire.Hosting.ApplicationModel;
global using Canopy.AppHost;
